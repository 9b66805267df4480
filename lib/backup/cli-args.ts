// The command lines of npm run backup and npm run restore, parsed without side effects.

export const BACKUP_USAGE = "Usage: npm run backup -- [--out <file.tar.gz>]";
export const RESTORE_USAGE = "Usage: npm run restore -- <file.tar.gz>";

const pad = (n: number, width = 2) => String(n).padStart(width, "0");

/** backups/duban-YYYYMMDD-HHmmss.tar.gz in local time, the time an operator reads off the clock. */
export function defaultBackupPath(now: Date): string {
  const date = `${now.getFullYear()}${pad(now.getMonth() + 1)}${pad(now.getDate())}`;
  const time = `${pad(now.getHours())}${pad(now.getMinutes())}${pad(now.getSeconds())}`;
  return `backups/duban-${date}-${time}.tar.gz`;
}

export class UsageError extends Error {
  constructor(message: string, usage: string) {
    super(`${message}\n${usage}`);
    this.name = "UsageError";
  }
}

export function parseBackupArgs(args: string[], now: Date): { out: string } {
  let out: string | undefined;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] ?? "";
    if (arg === "--") continue;
    if (arg === "--out" || arg === "-o") {
      const value = args[++i];
      if (!value || value.startsWith("-")) throw new UsageError(`${arg} needs a file name.`, BACKUP_USAGE);
      out = value;
    } else if (arg.startsWith("--out=")) {
      out = arg.slice("--out=".length);
      if (!out) throw new UsageError("--out needs a file name.", BACKUP_USAGE);
    } else {
      throw new UsageError(`Unknown argument ${JSON.stringify(arg)}.`, BACKUP_USAGE);
    }
  }
  return { out: out ?? defaultBackupPath(now) };
}

export function parseRestoreArgs(args: string[]): { file: string } {
  const positional = args.filter((a) => a !== "--");
  const option = positional.find((a) => a.startsWith("-"));
  if (option) throw new UsageError(`Unknown option ${JSON.stringify(option)}.`, RESTORE_USAGE);
  const [file, ...rest] = positional;
  if (!file) throw new UsageError("Name the backup file to restore.", RESTORE_USAGE);
  if (rest.length) throw new UsageError("Restore takes one backup file.", RESTORE_USAGE);
  return { file };
}
