// On both databases: each driver adapter reports a unique-index refusal in its own way
// (P2002 through adapter-pg, SQLSTATE 23505 passed through by the PGlite adapter).
import { describe, expect, it } from "vitest";
import { BOTH_DB_KINDS, useTestDatabase } from "@/lib/testing/db";
import { isUniqueViolation } from "./unique-violation";

describe.each(BOTH_DB_KINDS)("a unique-index refusal (%s)", (kind) => {
  const t = useTestDatabase(kind, "empty");
  const caught = (p: Promise<unknown>) =>
    p.then(
      () => null,
      (e: unknown) => e,
    );

  it("is recognised, in a plain write and inside an interactive transaction", async () => {
    await t.prisma.organization.create({ data: { kind: "TOWN", code: "taken", name: "甲镇" } });
    expect(isUniqueViolation(await caught(t.prisma.organization.create({ data: { kind: "TOWN", code: "taken", name: "乙镇" } })))).toBe(true);
    const inTransaction = await caught(t.prisma.$transaction((tx) => tx.organization.create({ data: { kind: "TOWN", code: "taken", name: "丙镇" } })));
    expect(isUniqueViolation(inTransaction)).toBe(true);
    expect(await t.prisma.organization.count()).toBe(1);
  });

  it("is told apart from other refusals (a missing foreign key) and from other errors", async () => {
    const orphan = await caught(t.prisma.organization.create({ data: { kind: "TOWN", code: "orphan", name: "孤镇", parentId: "no-such-org" } }));
    expect(orphan).toBeInstanceOf(Error);
    expect(isUniqueViolation(orphan)).toBe(false);
    expect(isUniqueViolation(new Error("connection lost"))).toBe(false);
    expect(isUniqueViolation(null)).toBe(false);
  });
});
