// The bench's figures as the README's performance section: the ladder with each page's throughput
// as a share of the bare Next page's (same run), the targets of issue #15, the profile, the exports.
import fs from "node:fs";
import type { Summary } from "./load";
import type { PageWeight } from "./pages";
import type { ProfileSummary } from "./profile";

interface Row {
  key: string;
  name: string;
  closed: Summary;
  open?: Summary;
  weight?: PageWeight;
  transactions?: number;
}

export interface BenchSummary {
  date: string;
  machine: string;
  node: string;
  closedLoopConnections: number;
  openLoopRate: number;
  secondsPerPhase: number;
  rounds: number;
  results: Row[];
  boardFirstLoadJs: { files: number; gzipKb: number };
  exports: { format: string; medianMs: number; kb: number; otherRequestWorstMs: number }[];
  profile: ProfileSummary | null;
}

/** Throughput of a page as a share of the bare page's (closed loop), and the target for it. */
export const TARGETS: Record<string, number> = { cheapest: 60, board: 40, boardAsOf: 40, campaign: 30, plan: 30, county: 20 };
export const FIRST_LOAD_JS_KB = 150;
export const OPEN_LOOP_P95_FACTOR = 2;

const n = (v: number) => v.toLocaleString("en-US");
const pct = (v: number) => `${Math.round(v * 10) / 10} %`;

export function ratios(summary: BenchSummary) {
  const bare = summary.results.find((r) => r.key === "barePage");
  const board = summary.results.find((r) => r.key === "board");
  const share = (r: Row) => (bare && bare.closed.throughput ? (r.closed.throughput / bare.closed.throughput) * 100 : 0);
  return {
    share,
    checks: [
      ...Object.entries(TARGETS).map(([key, target]) => {
        const row = summary.results.find((r) => r.key === key);
        const got = row ? share(row) : 0;
        return { what: `${row?.name ?? key}: throughput ≥ ${target} % of the bare page's`, got: pct(got), met: got >= target };
      }),
      {
        what: `board p95 at ${summary.openLoopRate} req/s ≤ ${OPEN_LOOP_P95_FACTOR}× the bare page's`,
        got: board?.open && bare?.open ? `${n(board.open.p95)} ms vs ${n(bare.open.p95)} ms` : "—",
        met: !!(board?.open && bare?.open && board.open.p95 <= OPEN_LOOP_P95_FACTOR * Math.max(1, bare.open.p95)),
      },
      {
        what: `board first-load JS ≤ ${FIRST_LOAD_JS_KB} KB gzip`,
        got: `${summary.boardFirstLoadJs.gzipKb} KB`,
        met: summary.boardFirstLoadJs.gzipKb <= FIRST_LOAD_JS_KB,
      },
    ],
  };
}

export function benchMarkdown(summary: BenchSummary): string {
  const { share, checks } = ratios(summary);
  const lines = [
    `Last run ${summary.date.slice(0, 10)} (${summary.machine}, Node ${summary.node}; ${summary.rounds} interleaved rounds of ${summary.secondsPerPhase} s per page; closed loop at ${summary.closedLoopConnections} connections).`,
    "",
    "| page | req/s | share of bare page | server CPU per request | p50 | p95 | p99 | HTML | inlined RSC | DB transactions per request |",
    "|---|---|---|---|---|---|---|---|---|---|",
    ...summary.results.map(
      (r) =>
        `| ${r.name} | ${n(r.closed.throughput)} | ${pct(share(r))} | ${r.closed.cpuMsPerRequest} ms | ${n(r.closed.p50)} ms | ${n(r.closed.p95)} ms | ${n(r.closed.p99)} ms | ${r.weight ? `${r.weight.htmlKb} KB` : "—"} | ${r.weight ? `${r.weight.rscKb} KB` : "—"} | ${r.transactions ?? "—"} |`,
    ),
    "",
    `At a fixed arrival rate of ${summary.openLoopRate} requests a second (open loop):`,
    "",
    "| page | p50 | p95 | p99 | errors |",
    "|---|---|---|---|---|",
    ...summary.results
      .filter((r) => r.open)
      .map(
        (r) =>
          `| ${r.name} | ${n(r.open?.p50 ?? 0)} ms | ${n(r.open?.p95 ?? 0)} ms | ${n(r.open?.p99 ?? 0)} ms | ${(r.open?.errors ?? 0) + (r.open?.non2xx ?? 0)} |`,
      ),
    "",
    "| target (issue #15) | this run | met |",
    "|---|---|---|",
    ...checks.map((c) => `| ${c.what} | ${c.got} | ${c.met ? "yes" : "no"} |`),
  ];
  if (summary.profile) {
    lines.push(
      "",
      `Where the board's server CPU goes under load (${n(summary.profile.sampledMs)} ms sampled, idle left out):`,
      "",
      "| part | share |",
      "|---|---|",
      ...summary.profile.groups.map((g) => `| ${g.group} | ${pct(g.share)} |`),
      "",
      "Costliest functions (self time): " +
        summary.profile.top
          .slice(0, 6)
          .map((f) => `\`${f.fn}\` (${f.where.split("/").slice(-2).join("/")}, ${n(f.ms)} ms)`)
          .join(", ") +
        ".",
    );
  }
  lines.push(
    "",
    "| one town's monthly summary (10 campaigns, 300 indicators, 2,000 tasks) | median | file | slowest other request meanwhile |",
    "|---|---|---|---|",
    ...summary.exports.map((e) => `| ${e.format} | ${n(e.medianMs)} ms | ${e.kb} KB | ${n(e.otherRequestWorstMs)} ms |`),
  );
  return lines.join("\n");
}

const BEGIN = "<!-- bench:begin (written by npm run bench) -->";
const END = "<!-- bench:end -->";

/** Puts the figures between the README's bench markers. */
export function writeReadme(file: string, markdown: string): void {
  const text = fs.readFileSync(file, "utf8");
  const from = text.indexOf(BEGIN);
  const to = text.indexOf(END);
  if (from < 0 || to < from) throw new Error(`${file} has no bench markers`);
  fs.writeFileSync(file, `${text.slice(0, from + BEGIN.length)}\n${markdown}\n${text.slice(to)}`);
}
