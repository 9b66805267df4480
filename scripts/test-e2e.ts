// Browser tests: every spec against a fresh PostgreSQL database with a local S3-compatible object
// store (s3rver) that two instances share, and the smoke set (@embedded) against a fresh embedded data
// folder (files in a folder). Each is served by the app's server from the current build (npm run build
// first; npm test does). Arguments go to Playwright (a spec file, --project=postgres, …).
import { spawn } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { createTestDatabase, dropTestDatabase } from "@/lib/testing/postgres";
import { startTestObjectServer, TEST_BUCKET } from "@/lib/testing/s3";

async function main() {
  if (!fs.existsSync(".next/BUILD_ID") || !fs.existsSync(".next/duban-server.cjs")) {
    console.error("No build found: run `npm run build` first (npm test does it for you).");
    process.exit(2);
  }
  const portBase = Number(process.env.E2E_PORT_BASE ?? 3200);
  const embedded = path.resolve(".e2e", `embedded-${process.pid}`);
  const objects = path.resolve(".e2e", `s3-${process.pid}`);
  fs.rmSync(embedded, { recursive: true, force: true });
  fs.mkdirSync(objects, { recursive: true });
  const database = await createTestDatabase("duban_e2e");
  // In this process, which only waits for Playwright meanwhile.
  const store = await startTestObjectServer({ port: portBase + 4, directory: objects });
  let status = 1;
  try {
    const child = spawn("npx", ["playwright", "test", ...process.argv.slice(2)], {
      stdio: "inherit",
      env: { ...process.env, E2E_EMBEDDED_DIR: embedded, E2E_PG_URL: database.url, E2E_S3_ENDPOINT: store.endpoint, E2E_S3_BUCKET: TEST_BUCKET },
    });
    status = await new Promise<number>((resolve) => child.on("exit", (code) => resolve(code ?? 1)));
  } finally {
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
