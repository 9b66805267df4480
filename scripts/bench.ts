// npm run bench: county-scale load test. Generates 100 towns of data in a fresh PostgreSQL database
// (bench/county-data.sql), serves the current build on it, signs in as a town leader, and loads
// the town's status board with 50 concurrent users, side by side with a static file of the same
// server; also measures the board's first-load JavaScript. Results: printed, and written to
// bench/results/latest.json. The load generator shares the machine's 2 cores with the server.
import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { gzipSync } from "node:zlib";
import autocannon from "autocannon";
import pg from "pg";
import { hashPassword } from "@/lib/auth/password";
import { connect } from "@/lib/db/connection";
import { applyMigrations } from "@/lib/db/migrate";
import { createTestDatabase, dropTestDatabase } from "@/lib/testing/postgres";

const PORT = Number(process.env.BENCH_PORT ?? 3400);
const BASE = `http://localhost:${PORT}`;
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 50);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 20);
const PASSWORD = "bench-password-1";

interface Measured {
  name: string;
  requests: number;
  errors: number;
  non2xx: number;
  throughput: number;
  p50: number;
  p95: number;
  p99: number;
}

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;

async function load(name: string, path: string, cookie = ""): Promise<Measured> {
  const times: number[] = [];
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon({ url: `${BASE}${path}`, connections: CONNECTIONS, duration: SECONDS, headers: cookie ? { cookie } : {} }, (error, r) =>
      error ? reject(error) : resolve(r),
    );
    // Every response's time, so the percentiles are exact (autocannon's own summary has no p95).
    instance.on("response", (_client, _status, _bytes, ms) => times.push(ms));
  });
  times.sort((a, b) => a - b);
  return {
    name,
    requests: result.requests.total,
    errors: result.errors + result.timeouts,
    non2xx: result.non2xx,
    throughput: Math.round((result.requests.total / SECONDS) * 10) / 10,
    p50: percentile(times, 50),
    p95: percentile(times, 95),
    p99: percentile(times, 99),
  };
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

async function firstLoadJs(html: string): Promise<{ files: number; gzipKb: number }> {
  // A noModule script (Next's legacy polyfills) is never loaded by a browser that runs modules.
  const tags = [...html.matchAll(/<script[^>]+src="([^"]+\.js)"[^>]*>/g)].filter((m) => !/\snoModule/i.test(m[0]));
  const srcs = [...new Set(tags.map((m) => m[1] ?? ""))];
  let bytes = 0;
  for (const src of srcs) bytes += gzipSync(Buffer.from(await (await fetch(`${BASE}${src}`)).arrayBuffer())).length;
  return { files: srcs.length, gzipKb: Math.round((bytes / 1024) * 10) / 10 };
}

/** Generating the 月报 of one bench town through the route, each format three times (median). */
async function measureExports(cookie: string, planPath: string) {
  const out: { format: string; medianMs: number; kb: number; otherRequestWorstMs: number }[] = [];
  for (const format of ["xlsx", "csv", "pdf", "docx"]) {
    const times: number[] = [];
    let size = 0;
    let worstOther = 0;
    for (let i = 0; i < 3; i++) {
      // While the file is made, someone else keeps asking for a cheap page: how long do they wait?
      let exporting = true;
      const others = (async () => {
        let worst = 0;
        while (exporting) {
          const s0 = performance.now();
          await fetch(`${BASE}/api/health`);
          worst = Math.max(worst, performance.now() - s0);
          await new Promise((r) => setTimeout(r, 20));
        }
        return worst;
      })();
      const t0 = performance.now();
      const res = await fetch(`${BASE}/api${planPath}/summaries`, {
        method: "POST",
        headers: { cookie, "content-type": "application/json", accept: "application/json", origin: BASE },
        body: JSON.stringify({ month: 11, format }),
      });
      if (res.status !== 201) throw new Error(`export ${format}: ${res.status} ${await res.text()}`);
      const { url } = (await res.json()) as { url: string };
      size = (await (await fetch(`${BASE}${url}`, { headers: { cookie } })).arrayBuffer()).byteLength;
      times.push(performance.now() - t0);
      exporting = false;
      worstOther = Math.max(worstOther, await others);
    }
    times.sort((a, b) => a - b);
    out.push({ format, medianMs: Math.round(times[1] ?? 0), kb: Math.round(size / 1024), otherRequestWorstMs: Math.round(worstOther) });
  }
  return out;
}

async function main() {
  if (!fs.existsSync(".next/BUILD_ID")) throw new Error("No build: run npm run build first.");
  const started = Date.now();
  const filesDir = path.join(os.tmpdir(), `duban-bench-files-${process.pid}`);
  const database = await createTestDatabase("duban_bench");
  const server = { process: null as ReturnType<typeof spawn> | null };
  try {
    const c = connect({ kind: "postgres", url: database.url });
    await applyMigrations(c.raw);
    await c.raw.close();
    const hash = await hashPassword(PASSWORD);
    const sql = fs.readFileSync("bench/county-data.sql", "utf8").replaceAll(":hash", `'${hash}'`);
    const client = new pg.Client({ connectionString: database.url });
    await client.connect();
    const t0 = Date.now();
    await client.query(`BEGIN; ${sql}; COMMIT; ANALYZE;`);
    const counts = (await client.query(`SELECT (SELECT count(*) FROM "Organization") orgs, (SELECT count(*) FROM "Campaign") campaigns, (SELECT count(*) FROM "Indicator") indicators, (SELECT count(*) FROM "Task") tasks, (SELECT count(*) FROM "ProgressReport") reports, (SELECT count(*) FROM "IndicatorValue") "values", (SELECT count(*) FROM "TaskUpdate") "taskUpdates"`)).rows[0];
    await client.end();
    console.log(`[bench] generated in ${((Date.now() - t0) / 1000).toFixed(1)} s:`, counts);

    // The production server (npm start); one instance, so its files may stay in a local folder.
    server.process = spawn(process.execPath, [".next/duban-server.cjs", "-p", String(PORT)], {
      env: {
        ...process.env,
        DATABASE_URL: database.url,
        NEXTAUTH_SECRET: "bench-secret-bench-secret-bench-secret",
        NEXTAUTH_URL: BASE,
        DUBAN_TODAY: "2018-12-20",
        DUBAN_FILES_DIR: filesDir,
        DUBAN_FILES_SHARED: "1",
      },
      stdio: ["ignore", "ignore", "inherit"],
      // Its own process group, so that stopping it stops everything it started.
      detached: true,
    });
    for (let i = 0; i < 120; i++) {
      if (await fetch(`${BASE}/api/health`).then((r) => r.ok, () => false)) break;
      await new Promise((r) => setTimeout(r, 500));
    }
    const cookie = await signIn("leader1");
    const board = `/plans/p1-2018/board`;
    const html = await (await fetch(`${BASE}${board}`, { headers: { cookie } })).text();
    if (!html.includes("board-row")) throw new Error("the board did not render for leader1");
    const js = await firstLoadJs(html);
    for (let i = 0; i < 20; i++) await fetch(`${BASE}${board}`, { headers: { cookie } }); // warm-up

    const county = await signIn("county1");
    const results = [
      await load("town board (signed in)", board, cookie),
      await load("static file (/icon.svg)", "/icon.svg"),
      // The floor for anything that reads the database: the readiness check (SELECT 1, the files folder, migrations known applied).
      await load("route handler with SELECT 1 (/api/health)", "/api/health"),
      await load("county overview, 100 towns (signed in)", "/county", county),
    ];
    const [b, s] = results as [Measured, Measured];
    const exports = await measureExports(cookie, board.replace(/\/board$/, ""));
    const summary = {
      date: new Date().toISOString(),
      machine: "2 cores; load generator on the same machine",
      connections: CONNECTIONS,
      seconds: SECONDS,
      data: counts,
      results,
      boardVsStaticThroughput: Math.round((b.throughput / s.throughput) * 1000) / 10,
      boardFirstLoadJs: js,
      exports,
      targets: { boardP95Ms: 100, boardThroughputVsStaticPct: 40, firstLoadJsGzipKb: 170, countyP95Ms: 300 },
      totalSeconds: Math.round((Date.now() - started) / 1000),
    };
    fs.mkdirSync("bench/results", { recursive: true });
    fs.writeFileSync("bench/results/latest.json", JSON.stringify(summary, null, 2));
    console.log("\n| page | req/s | p50 ms | p95 ms | p99 ms | errors | non-2xx |\n|---|---|---|---|---|---|---|");
    for (const r of results) console.log(`| ${r.name} | ${r.throughput} | ${r.p50} | ${r.p95} | ${r.p99} | ${r.errors} | ${r.non2xx} |`);
    console.log("\n| export of one town's month (10 campaigns, 300 indicators, 2,000 tasks) | median ms | size KB | slowest other request meanwhile, ms |\n|---|---|---|---|");
    for (const e of exports) console.log(`| ${e.format} | ${e.medianMs} | ${e.kb} | ${e.otherRequestWorstMs} |`);
    const bare = results[2] as Measured;
    console.log(`\nSELECT 1 route handler throughput = ${Math.round((bare.throughput / s.throughput) * 1000) / 10}% of the static file's`);
    console.log(`board throughput = ${summary.boardVsStaticThroughput}% of the static file's; board first-load JS ${js.gzipKb} KB gzip in ${js.files} files`);
  } finally {
    if (server.process?.pid) process.kill(-server.process.pid, "SIGTERM");
    await new Promise((r) => setTimeout(r, 1000));
    fs.rmSync(filesDir, { recursive: true, force: true });
    if (process.env.BENCH_KEEP !== "1") await dropTestDatabase(database.name);
    else console.log(`[bench] kept the database: ${database.url}`);
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
