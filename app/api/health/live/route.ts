export const dynamic = "force-dynamic";

/** Liveness: 200 while the process can answer at all. No dependency is checked (see /api/health/ready). */
export function GET() {
  return Response.json({ status: "live" }, { headers: { "Cache-Control": "no-store" } });
}
