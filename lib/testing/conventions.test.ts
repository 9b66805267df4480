// The test suite's own conventions (docs/testing.md): a test file that opens a database is named
// *.db.test.ts, and the tests that also run on the embedded database are exactly those listed,
// with their reason, in docs/testing.md.
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

const root = path.resolve(import.meta.dirname, "../..");

function testFiles(dir: string): string[] {
  const out: string[] = [];
  for (const entry of fs.readdirSync(path.join(root, dir), { withFileTypes: true })) {
    const rel = path.posix.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...testFiles(rel));
    else if (entry.name.endsWith(".test.ts")) out.push(rel);
  }
  return out;
}

const files = ["lib", "prisma", "components", "scripts"]
  .filter((d) => fs.existsSync(path.join(root, d)))
  .flatMap(testFiles)
  .sort();
const source = (file: string) => fs.readFileSync(path.join(root, file), "utf8");
const opensDatabase = (file: string) => /from "@\/lib\/testing\/(db|postgres)"/.test(source(file));
// BOTH_DB_KINDS, or a pairing of its own that names the embedded database (the backup drill pairs each database with its store).
const usesBothKinds = (file: string) => /\bBOTH_DB_KINDS\b|\bdb: "embedded"/.test(source(file));

describe("the test suite's conventions", () => {
  it("finds the test files", () => {
    expect(files.length).toBeGreaterThan(20);
    expect(files).toContain("lib/testing/conventions.test.ts");
  });

  it("names every test file that opens a database *.db.test.ts (or *.stress.test.ts), and no other", () => {
    const misnamed = files.filter((f) => opensDatabase(f) !== /\.(db|stress)\.test\.ts$/.test(f));
    expect(misnamed).toEqual([]);
  });

  it("runs on the embedded database exactly the tests docs/testing.md lists, each with a reason", () => {
    const doc = fs.readFileSync(path.join(root, "docs/testing.md"), "utf8");
    const section = doc.slice(doc.indexOf("### Which database tests also run on the embedded database"));
    const listed = [...section.matchAll(/^\| `([^`]+\.test\.ts)` \| (.+?) \|$/gm)].map((m) => ({ file: m[1] ?? "", why: (m[2] ?? "").trim() }));
    expect(listed.every((l) => l.why.length > 10)).toBe(true);
    expect(listed.map((l) => l.file).sort()).toEqual(files.filter((f) => f !== "lib/testing/conventions.test.ts" && usesBothKinds(f)));
  });
});
