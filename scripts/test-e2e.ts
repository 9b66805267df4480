// Browser tests: every spec against a fresh PostgreSQL database, the smoke set (@embedded) against a
// fresh embedded data folder, each served by `next start` from the current build (npm run build
// first; npm test does). Arguments go to Playwright (a spec file, --project=postgres, …).
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { createTestDatabase, dropTestDatabase } from "@/lib/testing/postgres";

async function main() {
  if (!fs.existsSync(".next/BUILD_ID")) {
    console.error("No build found: run `npm run build` first (npm test does it for you).");
    process.exit(2);
  }
  const embedded = path.resolve(".e2e", `embedded-${process.pid}`);
  fs.rmSync(embedded, { recursive: true, force: true });
  const database = await createTestDatabase("duban_e2e");
  let status = 1;
  try {
    const result = spawnSync("npx", ["playwright", "test", ...process.argv.slice(2)], {
      stdio: "inherit",
      env: { ...process.env, E2E_EMBEDDED_DIR: embedded, E2E_PG_URL: database.url },
    });
    status = result.status ?? 1;
  } finally {
    await dropTestDatabase(database.name);
    fs.rmSync(embedded, { recursive: true, force: true });
  }
  process.exit(status);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
