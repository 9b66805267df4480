// Vitest's global set-up: names this run, so its database templates (templates.ts) are its own, and
// drops them when the run ends. Templates of runs that died on this machine are dropped first.
import { createHash } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { TestProject } from "vitest/node";
import { onServer } from "./postgres";
import { templateDir, templatePrefix } from "./run";

/** Several machines may share one test server: a run's name says which machine and process own it. */
const host = createHash("sha256").update(os.hostname()).digest("hex").slice(0, 6);

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

async function dropTemplates(which: (runPid: number) => boolean): Promise<void> {
  const prefix = templatePrefix(`${host}_`);
  const names = await onServer(
    async (c) => (await c.query<{ datname: string }>("SELECT datname FROM pg_database WHERE starts_with(datname, $1)", [prefix])).rows,
  );
  for (const { datname } of names) {
    const pid = Number(datname.slice(prefix.length).split("_")[0]);
    if (which(pid)) await onServer((c) => c.query(`DROP DATABASE IF EXISTS "${datname}" WITH (FORCE)`));
  }
  for (const entry of fs.readdirSync(os.tmpdir())) {
    const match = entry.match(new RegExp(`^duban-test-${host}_(\\d+)$`));
    if (match && which(Number(match[1]))) fs.rmSync(path.join(os.tmpdir(), entry), { recursive: true, force: true });
  }
}

export default async function setup(project: TestProject) {
  const run = `${host}_${process.pid}`;
  project.provide("dubanTestRun", run);
  // Without a server the database tests say so themselves; unit tests must still run.
  await dropTemplates((pid) => !alive(pid)).catch(() => undefined);
  return async () => {
    await dropTemplates((pid) => pid === process.pid).catch(() => undefined);
    fs.rmSync(templateDir(run), { recursive: true, force: true });
  };
}
