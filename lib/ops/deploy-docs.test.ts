// docs/deploy.md, the nginx example and the Dockerfile stay true to the app: every setting they or
// lib/env.ts name is described in .env.example, and what they say npm start runs is what it runs.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";

const read = (file: string) => readFileSync(file, "utf8");
const SETTING = /\b(DUBAN_[A-Z0-9_]+|DATABASE_URL|NEXTAUTH_[A-Z]+)\b/g;
/** The test harness's own variables, which no instance reads. */
const TEST_HARNESS = new Set(["DUBAN_TEST_PG_URL"]);
const settingsIn = (text: string) => new Set((text.match(SETTING) ?? []).filter((name) => !TEST_HARNESS.has(name)));

describe("the deployment documents", () => {
  const example = settingsIn(read(".env.example"));

  it.each(["lib/env.ts", "docs/deploy.md", "docs/nginx/duban.conf", "Dockerfile", "README.md"])("every setting %s names is in .env.example", (file) => {
    const missing = [...settingsIn(read(file))].filter((name) => !example.has(name));
    expect(missing).toEqual([]);
  });

  it("runs the server npm start runs, and builds with npm run build", () => {
    const scripts = (JSON.parse(read("package.json")) as { scripts: Record<string, string> }).scripts;
    expect(scripts.start).toBe("node .next/duban-server.cjs");
    expect(read("Dockerfile")).toContain('CMD ["node", ".next/duban-server.cjs"]');
    expect(read("Dockerfile")).toMatch(/npm ci --no-audit --no-fund && npm run build/);
    expect(read("docs/deploy.md")).toContain("npm start (node .next/duban-server.cjs)");
    // The browser tests' servers (started by scripts/test-e2e.ts) are the same server.
    expect(read("scripts/test-e2e.ts")).toContain('spawn(process.execPath, [".next/duban-server.cjs", "-p"');
  });

  it("lets evidence files through nginx, and keeps the metrics and test fixtures away from the outside", () => {
    const nginx = read("docs/nginx/duban.conf");
    // MAX_REQUEST_BYTES in lib/attachments/rules.ts: 10 MiB and the form around the file.
    expect(nginx).toMatch(/client_max_body_size 11m;/);
    expect(nginx).toMatch(/location = \/api\/metrics \{ return 404; \}/);
    expect(nginx).toMatch(/location \/api\/test\/ \{ return 404; \}/);
    expect(nginx).toMatch(/proxy_set_header X-Request-Id \$request_id;/);
  });
});
