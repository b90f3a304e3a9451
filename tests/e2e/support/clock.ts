import { expect, type APIRequestContext } from "@playwright/test";

/** Sets the server's clock to real time plus `minutes` (the e2e server runs with PORTAL_TEST_CLOCK=1). */
export async function moveClock(request: APIRequestContext, minutes: number): Promise<void> {
  const response = await request.post("/dev/clock", { data: { offsetMinutes: minutes } });
  expect(response.status(), "moving the server clock").toBe(200);
}
