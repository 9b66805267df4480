import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { CLIENT_NAMESPACES, pickClientMessages } from "./client-namespaces";

const root = path.resolve(import.meta.dirname, "../..");

function clientFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return clientFiles(p);
    if (!/\.tsx?$/.test(e.name) || e.name.endsWith(".test.ts")) return [];
    return fs.readFileSync(p, "utf8").startsWith('"use client"') ? [p] : [];
  });
}

describe("messages sent to the browser", () => {
  const files = ["app", "components", "lib"].flatMap((d) => clientFiles(path.join(root, d)));

  it("finds the client components", () => {
    expect(files.length).toBeGreaterThan(10);
  });

  it("include every namespace a client component asks for", () => {
    for (const file of files) {
      const source = fs.readFileSync(file, "utf8");
      for (const m of source.matchAll(/useTranslations\("([a-zA-Z]+)/g)) {
        expect(CLIENT_NAMESPACES, `${path.relative(root, file)} uses "${m[1]}"`).toContain(m[1]);
      }
      // The root translator is used for validation.* keys (field errors) only.
      if (/useTranslations\(\)/.test(source)) expect(CLIENT_NAMESPACES).toContain("validation");
    }
  });

  it("leave out what only the server renders", () => {
    const zh = JSON.parse(fs.readFileSync(path.join(root, "messages/zh-CN.json"), "utf8")) as Record<string, unknown>;
    const picked = pickClientMessages(zh);
    expect(Object.keys(picked).sort()).toEqual([...CLIENT_NAMESPACES].sort());
    expect(picked).not.toHaveProperty("audit");
    expect(JSON.stringify(picked).length).toBeLessThan(JSON.stringify(zh).length);
  });
});
