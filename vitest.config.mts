import path from "node:path";
import { defineConfig } from "vitest/config";

export default defineConfig({
  resolve: {
    alias: {
      "@": path.resolve(import.meta.dirname),
      // server-only throws outside React's server build; the units under test are server code anyway.
      "server-only": path.resolve(import.meta.dirname, "lib/testing/server-only-stub.ts"),
    },
  },
  test: {
    include: ["lib/**/*.test.ts", "prisma/**/*.test.ts", "scripts/**/*.test.ts", "components/**/*.test.ts"],
    environment: "node",
    // The demo plan's "today": March 2018 is the month being reported.
    env: { DUBAN_TODAY: "2018-04-10" },
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // Database tests share one PostgreSQL server; files run one at a time to keep them independent and the 2 cores free.
    fileParallelism: false,
  },
});
