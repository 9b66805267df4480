// npm run bench: where a request's time goes, as ratios against a bare Next 16 app measured in the
// same run. Generates a county (100 towns, bench/county-data.sql) in a fresh PostgreSQL database,
// serves the current build on it, builds and serves a bare Next app beside it (scripts/bench/bare-app.ts),
// then loads a ladder of pages, interleaved round by round so that both see the same machine:
// closed loop at 10 connections, and an open loop at a fixed 20 requests a second (a county's peak
// of leaders opening boards at once). For each page: req/s, p50/p95/p99, server CPU per request
// (process CPU ÷ requests), HTML and inlined RSC bytes, database transactions per request. Then a
// CPU profile of the board under load, the first-load JavaScript, and the 月报 exports. Results are
// printed, written to bench/results/latest.json and into the README's performance section.
// The load generator shares the machine's 2 cores with both servers.
import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { hashPassword } from "@/lib/auth/password";
import { connect } from "@/lib/db/connection";
import { applyMigrations } from "@/lib/db/migrate";
import { createTestDatabase, dropTestDatabase } from "@/lib/testing/postgres";
import { startBareApp, stopBareApp, waitFor, type BareApp } from "./bench/bare-app";
import { measureExports } from "./bench/exports";
import { loadPhase, summarise, type Mode, type Phase, type Summary } from "./bench/load";
import { firstLoadJs, pageWeight, transactionsPerRequest, type PageWeight } from "./bench/pages";
import { newestProfile, summariseProfile, type ProfileSummary } from "./bench/profile";
import { benchMarkdown, writeReadme } from "./bench/report";

const PORT = Number(process.env.BENCH_PORT ?? 3400);
const BASE = `http://localhost:${PORT}`;
const SECONDS = Number(process.env.BENCH_SECONDS ?? 8);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const CONNECTIONS = 10;
const RATE = 20;
const PASSWORD = "bench-password-1";

export interface Step {
  key: string;
  name: string;
  server: "duban" | "bare";
  path: string;
  who?: "leader" | "lead" | "county";
}

const BOARD = "/plans/p1-2018/board";
const STEPS: Step[] = [
  { key: "static", name: "static file", server: "duban", path: "/icon.svg" },
  { key: "bareRoute", name: "bare Next route handler", server: "bare", path: "/api/ping" },
  { key: "barePage", name: "bare Next dynamic page + proxy", server: "bare", path: "/" },
  { key: "health", name: "Duban /api/health (SELECT 1)", server: "duban", path: "/api/health" },
  { key: "cheapest", name: "cheapest signed-in page (/account)", server: "duban", path: "/account", who: "leader" },
  { key: "desk", name: "a lead's desk (/my)", server: "duban", path: "/my", who: "lead" },
  { key: "plan", name: "plan page", server: "duban", path: "/plans/p1-2018", who: "leader" },
  { key: "campaign", name: "campaign page", server: "duban", path: "/campaigns/c1-2018-1", who: "leader" },
  { key: "board", name: "town board", server: "duban", path: BOARD, who: "leader" },
  { key: "boardAsOf", name: "board as of June", server: "duban", path: `${BOARD}?asOf=2018-06`, who: "leader" },
  { key: "county", name: "county overview (100 towns)", server: "duban", path: "/county", who: "county" },
];
const OPEN_LOOP = ["barePage", "board"];

export interface StepResult extends Step {
  closed: Summary;
  open?: Summary;
  weight?: PageWeight;
  transactions?: number;
}

async function signIn(username: string): Promise<string> {
  const csrf = await fetch(`${BASE}/api/auth/csrf`);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const cookies = (csrf.headers.getSetCookie?.() ?? []).map((c) => c.split(";")[0]).join("; ");
  const res = await fetch(`${BASE}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: cookies },
    body: new URLSearchParams({ csrfToken, username, password: PASSWORD, json: "true" }),
  });
  const session = (res.headers.getSetCookie?.() ?? []).map((c) => c.split(";")[0]).find((c) => c?.startsWith("next-auth.session-token="));
  if (!session) throw new Error(`sign-in as ${username} failed (${res.status})`);
  return session;
}

function startDuban(databaseUrl: string, filesDir: string, profileDir?: string): ChildProcess {
  const flags = profileDir ? ["--cpu-prof", "--cpu-prof-dir", profileDir] : [];
  return spawn(process.execPath, [...flags, ".next/duban-server.cjs", "-p", String(PORT)], {
    env: {
      ...process.env,
      DATABASE_URL: databaseUrl,
      NEXTAUTH_SECRET: "bench-secret-bench-secret-bench-secret",
      NEXTAUTH_URL: BASE,
      DUBAN_TODAY: "2018-12-20",
      DUBAN_FILES_DIR: filesDir,
      DUBAN_FILES_SHARED: "1",
      DUBAN_LOG_LEVEL: "warn",
      // The reminder scheduler's minutely run over 100 towns is background work, not a page's: left
      // on, a run that fell inside a measured window added its CPU and its transactions to that page.
      DUBAN_SCHEDULER_SECONDS: "0",
    },
    stdio: ["ignore", "ignore", "inherit"],
    // Its own process group: its CPU is counted over the group, and stopping it stops everything it started.
    detached: true,
  });
}

async function stop(child: ChildProcess | null): Promise<void> {
  if (!child?.pid || child.exitCode !== null) return;
  const exited = new Promise((r) => child.once("exit", r));
  process.kill(-child.pid, "SIGTERM");
  await Promise.race([exited, new Promise((r) => setTimeout(r, 15_000))]);
}

async function generateCounty(databaseUrl: string) {
  const c = connect({ kind: "postgres", url: databaseUrl });
  await applyMigrations(c.raw);
  await c.raw.close();
  const hash = await hashPassword(PASSWORD);
  const sql = fs.readFileSync("bench/county-data.sql", "utf8").replaceAll(":hash", `'${hash}'`);
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  await client.query(`BEGIN; ${sql}; COMMIT; ANALYZE;`);
  const counts = (
    await client.query(
      `SELECT (SELECT count(*) FROM "Organization") orgs, (SELECT count(*) FROM "Campaign") campaigns, (SELECT count(*) FROM "Indicator") indicators, (SELECT count(*) FROM "Task") tasks, (SELECT count(*) FROM "ProgressReport") reports, (SELECT count(*) FROM "IndicatorValue") "values", (SELECT count(*) FROM "TaskUpdate") "taskUpdates"`,
    )
  ).rows[0] as Record<string, string>;
  await client.end();
  return counts;
}

async function main() {
  if (!fs.existsSync(".next/BUILD_ID")) throw new Error("No build: run npm run build first (npm run bench does).");
  const started = Date.now();
  const filesDir = fs.mkdtempSync(path.join(os.tmpdir(), "duban-bench-files-"));
  const profileDir = fs.mkdtempSync(path.join(os.tmpdir(), "duban-bench-profile-"));
  const database = await createTestDatabase("duban_bench");
  let duban: ChildProcess | null = null;
  let bare: BareApp | null = null;
  try {
    const counts = await generateCounty(database.url);
    console.log("[bench] county generated:", counts);
    console.log("[bench] building the bare Next app");
    bare = await startBareApp(PORT + 1);
    duban = startDuban(database.url, filesDir);
    await waitFor(`${BASE}/api/health`);
    const cookies = { leader: await signIn("leader1"), lead: await signIn("lead1-1"), county: await signIn("county1") };
    const target = (step: Step): { url: string; headers: Record<string, string>; pgid: number } => ({
      url: `${step.server === "bare" ? bare?.base : BASE}${step.path}`,
      headers: step.who ? { cookie: cookies[step.who] } : ({} as Record<string, string>),
      pgid: (step.server === "bare" ? bare?.server.pid : duban?.pid) ?? 0,
    });

    // Each page once as its user would get it, then warmed (caches filled as in a running town).
    const weights = new Map<string, PageWeight>();
    let boardHtml = "";
    for (const step of STEPS) {
      const t = target(step);
      const first = performance.now();
      const res = await fetch(t.url, { headers: t.headers, redirect: "manual" });
      const body = await res.text();
      if (res.status !== 200) throw new Error(`${step.name}: ${res.status} at ${step.path}`);
      if (step.path.endsWith("/") || !step.path.includes(".")) weights.set(step.key, pageWeight(body));
      if (step.key === "board") boardHtml = body;
      for (let i = 0; i < 10; i++) await (await fetch(t.url, { headers: t.headers })).arrayBuffer();
      console.log(`[bench] ${step.name}: first answer and 10 more in ${Math.round(performance.now() - first)} ms`);
    }
    if (!boardHtml.includes("board-row")) throw new Error("the board did not render for leader1");

    const closed = new Map<string, Phase[]>();
    const open = new Map<string, Phase[]>();
    const closedLoop: Mode = { kind: "closed", connections: CONNECTIONS };
    for (let round = 1; round <= ROUNDS; round++) {
      console.log(`[bench] round ${round} of ${ROUNDS}`);
      for (const step of STEPS) closed.set(step.key, [...(closed.get(step.key) ?? []), await loadPhase(target(step), closedLoop, SECONDS)]);
      for (const key of OPEN_LOOP) {
        const step = STEPS.find((s) => s.key === key) as Step;
        open.set(key, [...(open.get(key) ?? []), await loadPhase(target(step), { kind: "open", rate: RATE }, SECONDS)]);
      }
    }
    const results: StepResult[] = [];
    for (const step of STEPS) {
      const t = target(step);
      results.push({
        ...step,
        closed: summarise(closed.get(step.key) ?? []),
        open: open.has(step.key) ? summarise(open.get(step.key) ?? []) : undefined,
        weight: weights.get(step.key),
        transactions: step.server === "duban" && step.key !== "static" ? await transactionsPerRequest(database.url, t.url, t.headers) : undefined,
      });
    }
    const js = await firstLoadJs(BASE, boardHtml);
    const exports = await measureExports(BASE, cookies.leader, BOARD.replace(/\/board$/, ""));

    // The board under load once more, this time with the server profiling itself.
    await stop(duban);
    duban = startDuban(database.url, filesDir, profileDir);
    await waitFor(`${BASE}/api/health`);
    const board = STEPS.find((s) => s.key === "board") as Step;
    for (let i = 0; i < 10; i++) await (await fetch(target(board).url, { headers: target(board).headers })).arrayBuffer();
    await loadPhase(target(board), closedLoop, SECONDS * 2);
    await stop(duban);
    duban = null;
    const profileFile = newestProfile(profileDir);
    const profile: ProfileSummary | null = profileFile ? summariseProfile(profileFile) : null;

    const summary = {
      date: new Date().toISOString(),
      machine: `${os.cpus().length} cores; load generator on the same machine`,
      node: process.version,
      closedLoopConnections: CONNECTIONS,
      openLoopRate: RATE,
      secondsPerPhase: SECONDS,
      rounds: ROUNDS,
      data: counts,
      results,
      boardFirstLoadJs: js,
      exports,
      profile,
      totalSeconds: Math.round((Date.now() - started) / 1000),
    };
    fs.mkdirSync("bench/results", { recursive: true });
    fs.writeFileSync("bench/results/latest.json", JSON.stringify(summary, null, 2));
    const markdown = benchMarkdown(summary);
    console.log(`\n${markdown}`);
    writeReadme("README.md", markdown);
    console.log("[bench] written to bench/results/latest.json and the README's performance section");
  } finally {
    await stop(duban);
    stopBareApp(bare);
    fs.rmSync(filesDir, { recursive: true, force: true });
    fs.rmSync(profileDir, { recursive: true, force: true });
    if (process.env.BENCH_KEEP !== "1") await dropTestDatabase(database.name);
    else console.log(`[bench] kept the database: ${database.url}`);
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
