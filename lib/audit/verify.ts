// Checks the audit trail's hash chain: each record's hash covers its own fields and the previous
// record's hash, so an edited, deleted or inserted record breaks the chain from that point on.
import type { Db } from "@/lib/db";
import { recordHash, type Json } from "./canonical";

export interface ChainReport {
  checked: number;
  /** The id of the first record that does not verify, with the reason. */
  broken: { id: string; reason: string } | null;
}

export async function verifyAuditChain(prisma: Db, batchSize = 1000): Promise<ChainReport> {
  let checked = 0;
  let prevHash: string | null = null;
  let cursor: bigint | undefined;
  for (;;) {
    const rows = await prisma.auditRecord.findMany({
      where: cursor === undefined ? undefined : { id: { gt: cursor } },
      orderBy: { id: "asc" },
      take: batchSize,
    });
    if (rows.length === 0) return { checked, broken: null };
    for (const r of rows) {
      if (r.prevHash !== prevHash) return { checked, broken: { id: r.id.toString(), reason: "prevHash does not match the previous record" } };
      const expected = recordHash({
        prevHash: r.prevHash,
        at: r.at.toISOString(),
        actorId: r.actorId,
        actorName: r.actorName,
        action: r.action,
        entityType: r.entityType,
        entityId: r.entityId,
        orgId: r.orgId,
        campaignId: r.campaignId,
        oldValues: (r.oldValues ?? null) as Json | null,
        newValues: (r.newValues ?? null) as Json | null,
      });
      if (expected !== r.hash) return { checked, broken: { id: r.id.toString(), reason: "hash does not match the record's content" } };
      prevHash = r.hash;
      checked++;
    }
    cursor = rows.at(-1)?.id;
  }
}
