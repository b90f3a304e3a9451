import { sql } from "drizzle-orm";
import { getDb } from "@/db/client";

export const dynamic = "force-dynamic";

/**
 * The baseline for `npm run bench` (tests/bench/run.ts): the least a request that writes can
 * cost on this server (proxy, route handler, one INSERT into `bench_baseline`, a table the bench
 * creates itself). Exists only when the bench starts the portal with PORTAL_BENCH_ROUTES=1;
 * anywhere else it answers 404 like any unknown path.
 */
export async function POST(request: Request) {
  if (process.env.PORTAL_BENCH_ROUTES !== "1") return new Response("Not found", { status: 404 });
  const payload = (await request.text()).slice(0, 1000);
  await getDb().execute(sql`insert into bench_baseline (payload) values (${payload})`);
  return new Response(null, { status: 204 });
}
