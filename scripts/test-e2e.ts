// Browser tests: every spec against a fresh PostgreSQL database with a local S3-compatible object
// store (s3rver) that two instances share, and the smoke set (@embedded) against a fresh embedded data
// folder (files in a folder). Each is served by the app's server from the current build (npm run build
// first; npm test does). Arguments go to Playwright (a spec file, --project=postgres, …).
//
// The servers are started here rather than by Playwright, which starts its web servers one after
// another: the embedded one (migrations and the demo on PGlite) and the first PostgreSQL one start side
// by side, the second PostgreSQL instance joins once the first has migrated and seeded. With
// E2E_START_AFTER=<file>, the tests themselves wait until that file exists: npm test starts the servers
// while the unit tests finish and writes the file when they have.
import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { e2ePorts, e2eServers, type E2eServer } from "@/e2e/servers";
import { createTestDatabase, dropTestDatabase } from "@/lib/testing/postgres";
import { startTestObjectServer, TEST_BUCKET } from "@/lib/testing/s3";

const STARTUP_SECONDS = 120;

interface Running {
  server: E2eServer;
  child: ChildProcess;
  exited: Promise<number | null>;
}

function start(server: E2eServer): Running {
  const child = spawn(process.execPath, [".next/duban-server.cjs", "-p", String(server.port)], {
    env: { ...process.env, ...server.env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  // Warnings and errors only (DUBAN_LOG_LEVEL=warn), each line named by its server.
  const prefix = (chunk: Buffer) =>
    chunk
      .toString()
      .split("\n")
      .filter(Boolean)
      .map((line) => `[${server.name}] ${line}\n`)
      .join("");
  child.stdout?.on("data", (d: Buffer) => process.stdout.write(prefix(d)));
  child.stderr?.on("data", (d: Buffer) => process.stderr.write(prefix(d)));
  const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
  return { server, child, exited };
}

/** Resolves once the server's health check answers 200; throws if it exits or takes too long. */
async function ready(running: Running): Promise<void> {
  const url = `http://localhost:${running.server.port}/api/health`;
  const deadline = Date.now() + STARTUP_SECONDS * 1000;
  let exitCode: number | null | undefined;
  void running.exited.then((code) => (exitCode = code));
  while (Date.now() < deadline) {
    if (exitCode !== undefined) throw new Error(`the ${running.server.name} server exited (${exitCode}) before it was ready`);
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // Not listening yet.
    }
    await sleep(250);
  }
  throw new Error(`the ${running.server.name} server was not ready after ${STARTUP_SECONDS} s (${url})`);
}

async function startAll(servers: E2eServer[]): Promise<Running[]> {
  const running: Running[] = [];
  const byName = new Map<string, Promise<void>>();
  const launch = (server: E2eServer): Promise<void> => {
    let done = byName.get(server.name);
    if (!done) {
      done = (async () => {
        if (server.startsAfter) {
          const first = servers.find((s) => s.name === server.startsAfter);
          if (first) await launch(first);
        }
        const r = start(server);
        running.push(r);
        await ready(r);
      })();
      byName.set(server.name, done);
    }
    return done;
  };
  const results = await Promise.allSettled(servers.map(launch));
  const failed = results.find((r): r is PromiseRejectedResult => r.status === "rejected");
  if (failed) {
    await stopAll(running);
    throw failed.reason;
  }
  return running;
}

async function stopAll(running: Running[]): Promise<void> {
  await Promise.all(
    running.map(async (r) => {
      if (r.child.exitCode !== null || r.child.signalCode !== null) return;
      r.child.kill("SIGTERM");
      const timeout = sleep(10_000).then(() => "timeout" as const);
      if ((await Promise.race([r.exited, timeout])) === "timeout") r.child.kill("SIGKILL");
    }),
  );
}

async function waitForFile(file: string): Promise<void> {
  while (!fs.existsSync(file)) await sleep(200);
}

async function main() {
  if (!fs.existsSync(".next/BUILD_ID") || !fs.existsSync(".next/duban-server.cjs")) {
    console.error("No build found: run `npm run build` first (npm test does it for you).");
    process.exit(2);
  }
  const embedded = path.resolve(".e2e", `embedded-${process.pid}`);
  const objects = path.resolve(".e2e", `s3-${process.pid}`);
  fs.rmSync(embedded, { recursive: true, force: true });
  fs.mkdirSync(objects, { recursive: true });
  const database = await createTestDatabase("duban_e2e");
  // In this process, which only waits for Playwright meanwhile.
  const store = await startTestObjectServer({ port: e2ePorts().objectStore, directory: objects });
  const backends = { postgres: { url: database.url, s3Endpoint: store.endpoint, s3Bucket: TEST_BUCKET }, embeddedDir: embedded };
  let status = 1;
  let running: Running[] = [];
  try {
    const started = Date.now();
    running = await startAll(e2eServers(backends));
    console.log(`Servers ready in ${Math.round((Date.now() - started) / 1000)} s: ${running.map((r) => `${r.server.name} :${r.server.port}`).join(", ")}`);
    const gate = process.env.E2E_START_AFTER;
    if (gate) await waitForFile(gate);
    const child = spawn("npx", ["playwright", "test", ...process.argv.slice(2)], {
      stdio: "inherit",
      env: { ...process.env, E2E_PG_URL: database.url },
    });
    status = await new Promise<number>((resolve) => child.on("exit", (code) => resolve(code ?? 1)));
  } finally {
    await stopAll(running);
    await store.close();
    await dropTestDatabase(database.name);
    fs.rmSync(embedded, { recursive: true, force: true });
    fs.rmSync(objects, { recursive: true, force: true });
  }
  process.exit(status);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
