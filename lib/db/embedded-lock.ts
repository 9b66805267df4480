// The embedded database (PGlite) must have exactly one owner process: two processes on one data
// folder silently diverge and then corrupt it. Like PostgreSQL's postmaster.pid, the owner writes
// its pid into a file created exclusively; a second opener sees a live owner and stops at once.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

export class EmbeddedDatabaseBusyError extends Error {
  constructor(
    readonly lockFile: string,
    readonly owner: LockOwner,
  ) {
    super(
      `The embedded database in ${path.dirname(lockFile)} is in use by process ${owner.pid} ` +
        `(${owner.command}, started ${owner.startedAt}).\n` +
        `Stop that process first, or run this command through the app, or set DATABASE_URL to use PostgreSQL.\n` +
        `If no such process is running, delete ${lockFile} and try again.`,
    );
    this.name = "EmbeddedDatabaseBusyError";
  }
}

interface LockOwner {
  pid: number;
  hostname: string;
  command: string;
  startedAt: string;
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

function readOwner(lockFile: string): LockOwner | null {
  try {
    return JSON.parse(fs.readFileSync(lockFile, "utf8")) as LockOwner;
  } catch {
    return null;
  }
}

/** Takes the lock on dir for this process, or throws EmbeddedDatabaseBusyError. Returns a release function. */
export function acquireEmbeddedLock(dir: string): () => void {
  fs.mkdirSync(dir, { recursive: true });
  const lockFile = path.join(dir, "duban.pid");
  const me: LockOwner = {
    pid: process.pid,
    hostname: os.hostname(),
    command:
      process.argv
        .slice(1, 3)
        .map((a) => path.basename(a))
        .join(" ") || "node",
    startedAt: new Date().toISOString(),
  };
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      fs.writeFileSync(lockFile, JSON.stringify(me), { flag: "wx" });
      const release = () => {
        if (readOwner(lockFile)?.pid === process.pid) fs.rmSync(lockFile, { force: true });
      };
      process.once("exit", release);
      return release;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
      const owner = readOwner(lockFile);
      if (owner && owner.pid === process.pid) return () => undefined;
      if (owner && owner.hostname === me.hostname && isAlive(owner.pid)) {
        throw new EmbeddedDatabaseBusyError(lockFile, owner);
      }
      // The owner died without cleaning up (kill -9, power loss): the lock is stale.
      fs.rmSync(lockFile, { force: true });
    }
  }
  throw new Error(`Could not take the lock ${lockFile}`);
}
