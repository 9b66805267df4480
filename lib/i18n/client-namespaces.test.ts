import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { pickMessages, ROOT_NAMESPACES } from "./client-namespaces";
import { clientNamespacesUnder, declaredNamespaces } from "./client-reach";

const root = path.resolve(import.meta.dirname, "../..");

function routeFiles(dir: string, names: RegExp): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return routeFiles(p, names);
    return names.test(e.name) ? [p] : [];
  });
}

describe("messages sent to the browser", () => {
  const pages = routeFiles(path.join(root, "app"), /^page\.tsx$/);
  // Layouts and the error, not-found and forbidden pages render around or instead of any page: the root provider's.
  const everywhere = routeFiles(path.join(root, "app"), /^(layout|error|not-found|forbidden|global-error)\.tsx$/);

  it("finds the pages and the client components under them", () => {
    expect(pages.length).toBeGreaterThan(30);
    const board = clientNamespacesUnder(root, path.join(root, "app/(app)/plans/[planId]/board/page.tsx"));
    expect([...board].sort()).toEqual(["board", "status", "table"]);
  });

  it("gives each page every namespace its client components ask for, and only those", () => {
    for (const page of pages) {
      const needed = [...clientNamespacesUnder(root, page)].filter((n) => !(ROOT_NAMESPACES as readonly string[]).includes(n)).sort();
      const declared = [...declaredNamespaces(fs.readFileSync(page, "utf8"))].sort();
      expect(declared, path.relative(root, page)).toEqual(needed);
    }
  });

  it("gives every page what layouts and error pages ask for", () => {
    for (const file of everywhere)
      for (const n of clientNamespacesUnder(root, file)) expect(ROOT_NAMESPACES, `${path.relative(root, file)} uses "${n}"`).toContain(n);
  });

  it("gives the task's evidence every word the report's evidence has (one component shows both)", () => {
    for (const locale of ["zh-CN", "en"]) {
      const m = JSON.parse(fs.readFileSync(path.join(root, `messages/${locale}.json`), "utf8")) as Record<string, Record<string, unknown>>;
      expect(Object.keys(m.taskEvidence ?? {}), locale).toEqual(expect.arrayContaining(Object.keys(m.evidence ?? {})));
    }
  });

  it("picks only the namespaces asked for", () => {
    const zh = JSON.parse(fs.readFileSync(path.join(root, "messages/zh-CN.json"), "utf8")) as Record<string, unknown>;
    const picked = pickMessages(zh, ["board", "status"]);
    expect(Object.keys(picked).sort()).toEqual(["board", "status"]);
    expect(picked.board).toEqual(zh.board);
  });
});
