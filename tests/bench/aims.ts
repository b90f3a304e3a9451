/**
 * The aims of issue 19, point 2, judged from the referral form figures (tests/bench/forms.ts) at
 * 50 users, beside the bare-insert baseline measured on the same server in the same run:
 * section GET p95 ≤ 2× the baseline's p95, section save p95 ≤ 1.5×, each at least 200
 * successful requests per second, and the SEND Dashboard's p95 within the section GET's bound
 * (≤ 2× the baseline's). Pure: it reads the results, it measures nothing.
 */
import { percentile } from "./stats";

/** The rows of forms.ts the aims read (its target names). */
export const TARGETS = {
  baseline: "Baseline: POST inserting one row",
  get: "GET a form section",
  save: "Save a form section",
  dashboard: "GET a SEND Dashboard",
} as const;

export const AIM_USERS = 50;

type Result = { target: string; users: number; seconds: number; latencies: number[] };

export type Aim = { aim: string; figure: string; isMet: boolean };

function figuresOf(results: readonly Result[], target: string) {
  const result = results.find((row) => row.target === target && row.users === AIM_USERS);
  if (!result) return undefined;
  const sorted = [...result.latencies].sort((a, b) => a - b);
  return { p95: percentile(sorted, 95), throughput: result.latencies.length / result.seconds };
}

/** One line per aim, met or not, with the figures it was judged on; empty when the baseline row is missing. */
export function judgeAims(results: readonly Result[]): Aim[] {
  const baseline = figuresOf(results, TARGETS.baseline);
  if (!baseline || !Number.isFinite(baseline.p95)) return [];
  const ms = (value: number) => `${value.toFixed(1)} ms`;
  const aims: Aim[] = [];
  const latencyAim = (name: string, target: string, bound: number) => {
    const figures = figuresOf(results, target);
    if (!figures) return;
    const ratio = figures.p95 / baseline.p95;
    aims.push({
      aim: `${name} p95 ≤ ${bound}× the baseline's p95`,
      figure: `${ms(figures.p95)} = ${ratio.toFixed(2)}× (baseline ${ms(baseline.p95)})`,
      isMet: ratio <= bound,
    });
  };
  const throughputAim = (name: string, target: string) => {
    const figures = figuresOf(results, target);
    if (!figures) return;
    aims.push({ aim: `${name} throughput ≥ 200 requests/s`, figure: `${figures.throughput.toFixed(1)} requests/s`, isMet: figures.throughput >= 200 });
  };
  latencyAim("Section GET", TARGETS.get, 2);
  throughputAim("Section GET", TARGETS.get);
  latencyAim("Section save", TARGETS.save, 1.5);
  throughputAim("Section save", TARGETS.save);
  latencyAim("SEND Dashboard", TARGETS.dashboard, 2);
  return aims;
}

export function aimsText(aims: readonly Aim[]): string[] {
  if (aims.length === 0) return ["(no baseline row at 50 users: aims not judged)"];
  return aims.map((aim) => `${aim.isMet ? "MET    " : "NOT MET"}  ${aim.aim.padEnd(46)} ${aim.figure}`);
}

export function aimsMarkdown(aims: readonly Aim[], context: string): string {
  const rows = aims.map((aim) => `| ${aim.aim} | ${aim.figure} | ${aim.isMet ? "met" : "**not met**"} |`);
  return [
    "## Aims at 50 users (issue 19, point 2)",
    "",
    context,
    "",
    ...(aims.length === 0 ? ["No baseline row at 50 users in this run: the aims were not judged."] : ["| Aim | Figure | Verdict |", "| --- | --- | --- |", ...rows]),
    "",
    `**Verdict:** ${aims.filter((aim) => aim.isMet).length} of ${aims.length} aims met.`,
  ].join("\n");
}
