/**
 * Sums up a .cpuprofile written by `BENCH_PROFILE=<folder> npm run bench` (tests/bench/profile.ts):
 * the share of the samples by where their own time was spent (the table docs/benchmarks.md shows),
 * then the top frames by self time.
 *
 *   node --import tsx tests/bench/profile-summary.ts <file.cpuprofile> [top frames, default 25]
 */
import { readFileSync } from "node:fs";

type CallFrame = { functionName: string; url: string; lineNumber: number };
type Profile = { nodes: { id: number; callFrame: CallFrame }[]; samples: number[] };

/** Where a frame's code lives, in the words of docs/benchmarks.md's profile table; first match wins. */
const KINDS: [string, RegExp][] = [
  ["garbage collection", /^\(garbage collector\)$/],
  ["idle", /^\(idle\)$/],
  ["React and Next's page renderer (RSC, HTML, flight data)", /next-server\/app-page.*runtime/],
  ["response compression (zlib)", /^node:zlib$|compiled\/compression/],
  ["AsyncLocalStorage and async hooks", /^node:(internal\/)?async_hooks$/],
  ["Node's HTTP, sockets and streams", /^node:(_http|net|internal\/streams|internal\/webstreams|stream|internal\/stream_base)/],
  ["Next's server: routing, proxy runner, tracing", /node_modules\/next\//],
  ["database client (postgres.js)", /node_modules\/postgres\//],
  ["the app's server bundle (our pages, actions and lib, and what Next bundles with them)", /\.next\/server\//],
  ["our web server and request context (lib/, loaded by tsx)", /\/lib\//],
  ["other packages", /node_modules\//],
  ["other Node internals", /^node:/],
  ["native: socket writes, microtask queue, program", /^$/],
];

export function summarise(profile: Profile, topFrames = 25): string {
  const byId = new Map(profile.nodes.map((node) => [node.id, node.callFrame]));
  const total = profile.samples.length;
  const kinds = new Map<string, number>();
  const frames = new Map<string, number>();
  for (const id of profile.samples) {
    const frame = byId.get(id);
    if (!frame) continue;
    const where = frame.url || frame.functionName;
    const kind = KINDS.find(([, pattern]) => pattern.test(frame.url ? frame.url : frame.functionName.startsWith("(") ? frame.functionName : ""))?.[0] ?? "other";
    kinds.set(kind, (kinds.get(kind) ?? 0) + 1);
    const label = `${frame.functionName || "(anonymous)"} ${where.replace(/^.*node_modules\//, "").replace(/^file:\/\/.*?\/(\.next|lib|app)\//, "$1/")}${frame.url ? `:${frame.lineNumber + 1}` : ""}`;
    frames.set(label, (frames.get(label) ?? 0) + 1);
  }
  const share = (count: number) => `${((100 * count) / total).toFixed(1)} %`;
  const sorted = (counts: Map<string, number>) => [...counts].sort((a, b) => b[1] - a[1]);
  return [
    `${total} samples`,
    "",
    "| Where the time went (self) | Share |",
    "| --- | ---: |",
    ...sorted(kinds).map(([kind, count]) => `| ${kind} | ${share(count)} |`),
    "",
    "Top frames by self time:",
    ...sorted(frames)
      .slice(0, topFrames)
      .map(([label, count]) => `${share(count).padStart(7)}  ${label}`),
  ].join("\n");
}

if (process.argv[1]?.endsWith("profile-summary.ts")) {
  const [file, top] = process.argv.slice(2);
  if (!file) {
    process.stderr.write("usage: node --import tsx tests/bench/profile-summary.ts <file.cpuprofile> [top frames]\n");
    process.exit(2);
  }
  process.stdout.write(`${summarise(JSON.parse(readFileSync(file, "utf8")) as Profile, Number(top) || 25)}\n`);
}
