import path from "node:path";
import { defineConfig } from "vitest/config";

const stress = process.env.DUBAN_TEST_STRESS === "1";

export default defineConfig({
  resolve: {
    alias: {
      "@": path.resolve(import.meta.dirname),
      // server-only throws outside React's server build; the units under test are server code anyway.
      "server-only": path.resolve(import.meta.dirname, "lib/testing/server-only-stub.ts"),
    },
  },
  test: {
    // *.stress.test.ts (thousands of concurrent writes) run only in `npm run test:stress`.
    include: stress ? ["lib/**/*.stress.test.ts"] : ["lib/**/*.test.ts", "prisma/**/*.test.ts", "scripts/**/*.test.ts", "components/**/*.test.ts"],
    exclude: stress ? [] : ["**/*.stress.test.ts", "**/node_modules/**"],
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
  },
});
