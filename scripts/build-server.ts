// Part of npm run build: server.ts and the few lib/ops modules it uses, bundled into one CommonJS
// file that plain `node` runs (npm start). Packages stay in node_modules (next, pino, prom-client).
import { build } from "esbuild";

build({
  entryPoints: ["server.ts"],
  outfile: ".next/duban-server.cjs",
  bundle: true,
  platform: "node",
  target: "node20",
  format: "cjs",
  packages: "external",
  tsconfig: "tsconfig.json",
  logLevel: "warning",
}).catch(() => {
  // esbuild has printed what failed.
  process.exit(1);
});
