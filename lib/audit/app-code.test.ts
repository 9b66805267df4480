// The audit table is append-only in the database: a trigger refuses UPDATE, DELETE and TRUNCATE
// (append-only.test.ts proves that on both databases). As a second guard, no module of the app
// asks to rewrite it, neither through Prisma nor in raw SQL. Tests are left out: they try it on purpose.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

const ROOT = path.resolve(import.meta.dirname, "../..");
const PRISMA_REWRITE = /\bauditRecord\s*\.\s*(update|delete|upsert|updateMany|deleteMany)\s*\(/;
const SQL_REWRITE = /\b(UPDATE|DELETE\s+FROM|TRUNCATE(\s+TABLE)?)\s+("?public"?\.)?"?AuditRecord\b/i;

function sources(dir: string): string[] {
  return readdirSync(path.join(ROOT, dir), { withFileTypes: true }).flatMap((entry) => {
    const relative = path.join(dir, entry.name);
    if (entry.isDirectory()) return sources(relative);
    return /\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name) ? [relative] : [];
  });
}

const rewrites = (text: string) => PRISMA_REWRITE.test(text) || SQL_REWRITE.test(text);

describe("the app's own code never rewrites the audit trail", () => {
  const files = ["lib", "app", "components", "scripts"].flatMap(sources);

  it("reads the app's modules, including the one that appends", () => {
    expect(files).toContain(path.join("lib", "audit", "record.ts"));
    expect(files).toContain(path.join("app", "api", "audit", "export", "route.ts"));
    expect(readFileSync(path.join(ROOT, "lib/audit/record.ts"), "utf8")).toMatch(/auditRecord\.create\(/);
  });

  it.each([
    ["tx.auditRecord.update({ where: { id } })", true],
    ["db().auditRecord . deleteMany({})", true],
    ["prisma.auditRecord.upsert({", true],
    ['$executeRawUnsafe(`DELETE FROM "AuditRecord"`)', true],
    ['sql`UPDATE "AuditRecord" SET hash = ${h}`', true],
    ["TRUNCATE TABLE public.AuditRecord", true],
    ["tx.auditRecord.create({ data })", false],
    ["db().auditRecord.findMany({ orderBy: { id: 'desc' } })", false],
    ["tx.task.updateMany({ where })", false],
  ])("recognises a rewrite: %s → %s", (text, expected) => {
    expect(rewrites(text)).toBe(expected);
  });

  it("has no module that calls auditRecord.update/delete/upsert or rewrites the table in SQL", () => {
    const offenders = files.filter((file) => rewrites(readFileSync(path.join(ROOT, file), "utf8")));
    expect(offenders).toEqual([]);
  });
});
