import { expect, type APIRequestContext } from "@playwright/test";

/** Sets the server's clock to real time plus `minutes` (the e2e server runs with PORTAL_TEST_CLOCK=1). */
export async function moveClock(request: APIRequestContext, minutes: number): Promise<void> {
  // A post must say it comes from our own site (Origin), as a browser's would.
  const origin = `http://localhost:${process.env.E2E_PORT ?? 3100}`;
  const response = await request.post("/dev/clock", { data: { offsetMinutes: minutes }, headers: { Origin: origin } });
  expect(response.status(), "moving the server clock").toBe(200);
}
