// Shared by the plan-admin database tests: who may keep a plan and who may not, and what a
// refused or stale write must leave behind (nothing, and no audit record).
import { expect } from "vitest";
import type { Db } from "@/lib/db";

export const KEEPERS = ["staff", "admin"] as const;
/** A lead, a leader and a viewer of the same town: they see the plan but do not keep it. */
export const NOT_KEEPERS = ["lead1", "leader", "viewer"] as const;

export async function auditCount(prisma: Db): Promise<number> {
  return prisma.auditRecord.count();
}

/** The last audit record, which a successful write must just have appended. */
export async function lastAudit(prisma: Db) {
  return prisma.auditRecord.findFirstOrThrow({ orderBy: { id: "desc" } });
}

/** Runs a write that must change nothing: the audit trail stays as long as it was. */
export async function expectNothingWritten<T>(prisma: Db, write: () => Promise<T>): Promise<T> {
  const before = await auditCount(prisma);
  const result = await write();
  expect(await auditCount(prisma)).toBe(before);
  return result;
}
