import { beforeAll, describe, expect, it } from "vitest";
import { BOTH_DB_KINDS, useTestDatabase } from "@/lib/testing/db";
import { audit, SYSTEM_ACTOR } from "./record";
import { verifyAuditChain } from "./verify";

// Also on the embedded database: the audit chain takes an advisory lock per write; its append-only trigger is PL/pgSQL.
describe.each(BOTH_DB_KINDS)("the audit trail is append-only (%s)", (kind) => {
  const t = useTestDatabase(kind, "empty");
  beforeAll(async () => {
    for (let i = 0; i < 3; i++) {
      await t.prisma.$transaction((tx) => audit(tx, { actor: SYSTEM_ACTOR, action: "test.write", entityType: "Test", entityId: String(i), newValues: { i } }));
    }
  });

  it("appends, and the chain verifies", async () => {
    expect(await t.prisma.auditRecord.count()).toBe(3);
    expect(await verifyAuditChain(t.prisma)).toEqual({ checked: 3, broken: null });
  });

  it("refuses updates through the app's client, one row or many", async () => {
    const first = await t.prisma.auditRecord.findFirstOrThrow({ orderBy: { id: "asc" } });
    await expect(t.prisma.auditRecord.update({ where: { id: first.id }, data: { actorName: "someone else" } })).rejects.toThrow(/append-only/);
    await expect(t.prisma.auditRecord.updateMany({ data: { action: "rewritten" } })).rejects.toThrow(/append-only/);
    expect((await t.prisma.auditRecord.findUniqueOrThrow({ where: { id: first.id } })).actorName).toBe("system");
  });

  it("refuses deletes and truncation, also in raw SQL", async () => {
    await expect(t.prisma.auditRecord.deleteMany({})).rejects.toThrow(/append-only/);
    // Raw SQL is refused too (the embedded driver's adapter does not pass the message through).
    await expect(t.prisma.$executeRawUnsafe(`DELETE FROM "AuditRecord"`)).rejects.toThrow();
    await expect(t.prisma.$executeRawUnsafe(`TRUNCATE "AuditRecord"`)).rejects.toThrow();
    expect(await t.prisma.auditRecord.count()).toBe(3);
    expect((await verifyAuditChain(t.prisma)).broken).toBeNull();
  });
});
