import { isClockControllable, setClockOffset } from "@/lib/clock";

export const dynamic = "force-dynamic";

/**
 * Test-only: moves the server's clock (POST {"offsetMinutes": 31}) so end-to-end tests can
 * expire a code or an idle session without waiting. 404 unless PORTAL_TEST_CLOCK=1.
 */
export async function POST(request: Request) {
  if (!isClockControllable()) return new Response("Not found", { status: 404 });
  const body = (await request.json().catch(() => ({}))) as { offsetMinutes?: unknown };
  const minutes = Number(body.offsetMinutes);
  if (!Number.isFinite(minutes)) return Response.json({ error: "offsetMinutes must be a number" }, { status: 400 });
  setClockOffset(minutes * 60_000);
  return Response.json({ offsetMinutes: minutes });
}
