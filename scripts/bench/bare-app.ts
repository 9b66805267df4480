// The floor of the ladder: a bare Next app built from the installed next and react (same versions as
// Duban), with one dynamic page behind a trivial proxy and one route handler. Written to a temporary
// folder, built there, served by `next start`: what any Next 16 app costs per request on this machine.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

const FILES: Record<string, string> = {
  "package.json": JSON.stringify({ name: "bare-next", private: true, type: "module" }),
  // Turbopack resolves only inside its root; node_modules is a link to the repository's, elsewhere.
  "next.config.mjs": 'export default { poweredByHeader: false, turbopack: { root: "/" } };\n',
  "tsconfig.json": JSON.stringify({
    compilerOptions: {
      target: "ES2022",
      lib: ["dom", "esnext"],
      module: "esnext",
      moduleResolution: "bundler",
      jsx: "react-jsx",
      strict: true,
      skipLibCheck: true,
      noEmit: true,
      isolatedModules: true,
      allowJs: true,
      esModuleInterop: true,
      resolveJsonModule: true,
      incremental: false,
      plugins: [{ name: "next" }],
    },
    include: ["**/*.ts", "**/*.tsx"],
    exclude: ["node_modules"],
  }),
  "app/layout.tsx":
    'export default function RootLayout({ children }: { children: React.ReactNode }) {\n  return (<html lang="zh-CN"><body>{children}</body></html>);\n}\n',
  // Dynamic: read per request (a header), never prerendered.
  "app/page.tsx":
    'import { headers } from "next/headers";\nexport default async function Page() {\n  const h = await headers();\n  return (<main><h1>Bare page</h1><p>{h.get("user-agent")?.length ?? 0}</p><ul>{Array.from({ length: 10 }, (_, i) => <li key={i}>row {i}</li>)}</ul></main>);\n}\n',
  "app/api/ping/route.ts": 'export const dynamic = "force-dynamic";\nexport function GET() {\n  return Response.json({ ok: true, at: Date.now() });\n}\n',
  // A proxy that does what a trivial one does: look at the request, pass it on with a header.
  "proxy.ts":
    'import { NextResponse, type NextRequest } from "next/server";\nexport function proxy(request: NextRequest) {\n  const response = NextResponse.next();\n  response.headers.set("x-bare", request.nextUrl.pathname.length.toString());\n  return response;\n}\n',
};

export interface BareApp {
  dir: string;
  server: ChildProcess;
  base: string;
}

/** Writes and builds the bare app (once per bench run; about a minute) and starts it on `port`. */
export async function startBareApp(port: number): Promise<BareApp> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "duban-bench-bare-"));
  for (const [file, text] of Object.entries(FILES)) {
    fs.mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    fs.writeFileSync(path.join(dir, file), text);
  }
  fs.symlinkSync(path.resolve("node_modules"), path.join(dir, "node_modules"), "dir");
  const next = path.resolve("node_modules/next/dist/bin/next");
  const built = spawnSync(process.execPath, [next, "build"], {
    cwd: dir,
    stdio: ["ignore", "ignore", "inherit"],
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" },
  });
  if (built.status !== 0) throw new Error("the bare Next app did not build");
  const server = spawn(process.execPath, [next, "start", "-p", String(port)], {
    cwd: dir,
    env: { ...process.env, NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1" },
    stdio: ["ignore", "ignore", "inherit"],
    detached: true,
  });
  const base = `http://localhost:${port}`;
  await waitFor(`${base}/api/ping`);
  return { dir, server, base };
}

export function stopBareApp(app: BareApp | null): void {
  if (!app) return;
  if (app.server.pid) process.kill(-app.server.pid, "SIGTERM");
  fs.rmSync(app.dir, { recursive: true, force: true });
}

export async function waitFor(url: string, tries = 240): Promise<void> {
  for (let i = 0; i < tries; i++) {
    if (
      await fetch(url).then(
        (r) => r.ok,
        () => false,
      )
    )
      return;
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`${url} did not answer`);
}
