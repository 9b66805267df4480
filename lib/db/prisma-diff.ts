// The SQL the Prisma CLI generates to go from one schema file to another (from nothing when
// `from` is null): how a migration is made and how the tests check one. The CLI wants a database
// even for this: `databaseUrl` names an empty PostgreSQL one; without it, it opens a throwaway
// in-memory PGlite, which takes seconds to start.
import { execFileSync } from "node:child_process";
import path from "node:path";

export function prismaDiff(from: string | null, to: string, databaseUrl?: string): string {
  const args = ["migrate", "diff", ...(from ? ["--from-schema-datamodel", from] : ["--from-empty"]), "--to-schema-datamodel", to, "--script"];
  const env: NodeJS.ProcessEnv = databaseUrl
    ? { ...process.env, DATABASE_URL: databaseUrl, DUBAN_PRISMA_CLI_OFFLINE: "" }
    : { ...process.env, DUBAN_PRISMA_CLI_OFFLINE: "1" };
  return execFileSync(path.resolve("node_modules", ".bin", "prisma"), args, { encoding: "utf8", env, stdio: ["ignore", "pipe", "pipe"] });
}
