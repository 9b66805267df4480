// The adapter the Prisma CLI uses (prisma.config.ts). Same choice as the app; the embedded
// database is locked like the server's, so the CLI cannot open a folder the server owns.
// Commands that need no database (generate, diff between schema files) set
// DUBAN_PRISMA_CLI_OFFLINE=1 and get a throwaway in-memory database instead.
import path from "node:path";
import { connect, type Target } from "./connection";

export function cliAdapter() {
  const url = process.env.DATABASE_URL;
  const target: Target =
    process.env.DUBAN_PRISMA_CLI_OFFLINE === "1"
      ? { kind: "embedded", dir: "memory" }
      : url
        ? { kind: "postgres", url }
        : { kind: "embedded", dir: path.resolve(process.env.DUBAN_DATA_DIR ?? "./data") };
  // idleTimeoutMillis: otherwise every CLI command waits 10 s for idle connections at the end.
  return connect(target, { idleTimeoutMillis: 100 }).adapter;
}
