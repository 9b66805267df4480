// npm run demo: builds the app if needed and starts it on the embedded database with the
// Shendang 2018 demo plan, as of 10 April 2018 (the demo's "today").
import { spawn, spawnSync } from "node:child_process";
import fs from "node:fs";

const port = process.env.PORT ?? "3000";
if (!fs.existsSync(".next/BUILD_ID") || !fs.existsSync(".next/duban-server.cjs")) {
  console.log("[duban] building the app (once; about a minute)…");
  const build = spawnSync("npm", ["run", "build"], { stdio: "inherit" });
  if (build.status !== 0) process.exit(build.status ?? 1);
}
console.log(`[duban] starting on http://localhost:${port} (演示数据, 系统日期 2018-04-10)`);
console.log("[duban] sign-in details are printed below on first start, and kept in data/demo-login.txt");
const server = spawn(process.execPath, [".next/duban-server.cjs", "-p", port], {
  stdio: "inherit",
  env: {
    ...process.env,
    DUBAN_TODAY: process.env.DUBAN_TODAY ?? "2018-04-10",
    NEXTAUTH_URL: process.env.NEXTAUTH_URL ?? `http://localhost:${port}`,
    // A terminal, not a log collector: a JSON line per click would bury the sign-in details.
    DUBAN_LOG_LEVEL: process.env.DUBAN_LOG_LEVEL ?? "warn",
  },
});
for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => server.kill(signal));
server.on("exit", (code) => process.exit(code ?? 0));
