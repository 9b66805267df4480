import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { acquireEmbeddedLock, EmbeddedDatabaseBusyError } from "./embedded-lock";

const dirs: string[] = [];
const tempDir = () => {
  const d = fs.mkdtempSync(path.join(os.tmpdir(), "duban-lock-"));
  dirs.push(d);
  return d;
};
afterEach(() => {
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

/** Another process that takes the lock and then waits until it is killed. */
function holder(dir: string) {
  const script = `
    const { acquireEmbeddedLock } = require(${JSON.stringify(path.resolve("lib/db/embedded-lock.ts"))});
    acquireEmbeddedLock(${JSON.stringify(dir)});
    console.log("locked");
    setInterval(() => {}, 1000);`;
  const child = spawn(process.execPath, ["--import", "tsx", "-e", script], { stdio: ["ignore", "pipe", "inherit"] });
  const ready = new Promise<void>((resolve, reject) => {
    child.stdout.on("data", (d: Buffer) => d.toString().includes("locked") && resolve());
    child.on("exit", (code) => reject(new Error(`holder exited with ${code}`)));
  });
  return { child, ready };
}

describe("the embedded database's single owner", () => {
  it("refuses a second process at once, naming the owner and what to do", async () => {
    const dir = tempDir();
    const { child, ready } = holder(dir);
    try {
      await ready;
      let error: unknown;
      try {
        acquireEmbeddedLock(dir);
      } catch (e) {
        error = e;
      }
      expect(error).toBeInstanceOf(EmbeddedDatabaseBusyError);
      const message = (error as Error).message;
      expect(message).toContain(`process ${child.pid}`);
      expect(message).toMatch(/Stop that process first/);
      expect(message).toContain("DATABASE_URL");
    } finally {
      child.kill("SIGKILL");
    }
  });

  it("takes over a lock left by a process that died without cleaning up", async () => {
    const dir = tempDir();
    const { child, ready } = holder(dir);
    await ready;
    const exited = new Promise((r) => child.on("exit", r));
    child.kill("SIGKILL");
    await exited;
    expect(fs.existsSync(path.join(dir, "duban.pid"))).toBe(true);
    const release = acquireEmbeddedLock(dir);
    expect(JSON.parse(fs.readFileSync(path.join(dir, "duban.pid"), "utf8")).pid).toBe(process.pid);
    release();
    expect(fs.existsSync(path.join(dir, "duban.pid"))).toBe(false);
  });

  it("lets the owner re-open its own database (a dev hot reload)", () => {
    const dir = tempDir();
    const release = acquireEmbeddedLock(dir);
    expect(() => acquireEmbeddedLock(dir)).not.toThrow();
    release();
  });
});
