import fs from "node:fs";
import path from "node:path";
import { defineConfig } from "vitest/config";

const stress = process.env.DUBAN_TEST_STRESS === "1";

// *.stress.test.ts (thousands of concurrent writes) run only in `npm run test:stress`.
const include = stress ? ["lib/**/*.stress.test.ts"] : ["lib/**/*.test.ts", "prisma/**/*.test.ts", "scripts/**/*.test.ts", "components/**/*.test.ts"];
const exclude = stress ? [] : ["**/*.stress.test.ts", "**/node_modules/**"];

/**
 * Test files that mock a module or set the environment before the code under test reads it need a
 * module graph of their own. Every other file shares its worker's modules with the files run before
 * it: importing the app's code once per worker rather than once per file took a third of the stage.
 * What the app keeps between requests is emptied when a test installs its database (lib/db/caches.ts).
 */
const OWN_MODULES = /\bvi\.(mock|doMock|hoisted|stubEnv|stubGlobal|resetModules)\b|process\.env\.\w+ *=[^=]|process\.env\[[^\]]+\] *=[^=]/;

function testFiles(dir: string): string[] {
  return fs
    .readdirSync(dir, { recursive: true, encoding: "utf8" })
    .filter((f) => f.endsWith(".test.ts") && !f.includes("node_modules"))
    .map((f) => path.join(dir, f));
}
const ownModules = ["lib", "prisma", "scripts", "components"]
  .flatMap(testFiles)
  .filter((f) => f.endsWith(".stress.test.ts") === stress && OWN_MODULES.test(fs.readFileSync(f, "utf8")));

export default defineConfig({
  resolve: {
    alias: {
      "@": path.resolve(import.meta.dirname),
      // server-only throws outside React's server build; the units under test are server code anyway.
      "server-only": path.resolve(import.meta.dirname, "lib/testing/server-only-stub.ts"),
    },
  },
  test: {
    environment: "node",
    // The demo plan's "today": March 2018 is the month being reported.
    env: { DUBAN_TODAY: "2018-04-10" },
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // Names the run and drops its database templates at the end (lib/testing/templates.ts).
    globalSetup: ["lib/testing/global-setup.ts"],
    // Each database test file has a database of its own, so files run side by side; two at a time
    // is what a 2-core machine bears with PostgreSQL on it too.
    fileParallelism: true,
    maxWorkers: 2,
    projects: [
      { extends: true, test: { name: "shared", include, exclude: [...exclude, ...ownModules], isolate: false } },
      { extends: true, test: { name: "own-modules", include: ownModules, exclude } },
    ],
  },
});
