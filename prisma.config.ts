// Prisma CLI configuration. Prisma 6.19 runs its schema engine as WASM through a driver adapter,
// so generate/migrate work offline (the 7.x CLI downloads a native engine). The app itself
// applies migrations at start-up (lib/db/migrate.ts); the CLI is for generate, diff and status.
import path from "node:path";
import { defineConfig } from "prisma/config";

export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  schema: path.join("prisma", "schema.prisma"),
  migrations: { path: path.join("prisma", "migrations") },
  async adapter() {
    const { cliAdapter } = await import("./lib/db/cli-adapter");
    return cliAdapter();
  },
});
