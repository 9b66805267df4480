// The audit trail: every write calls audit() inside its own transaction, so the change and its
// record commit together or not at all. Records are chained by hash (see verify.ts).
import type { Tx } from "@/lib/db";
import { recordHash, toJson, type HashedFields, type Json } from "./canonical";

export interface Actor {
  id: string;
  name: string;
}

export const SYSTEM_ACTOR: Actor = { id: "", name: "system" };

export interface AuditEntry {
  actor: Actor;
  action: string;
  entityType: string;
  entityId: string;
  orgId?: string | null;
  campaignId?: string | null;
  oldValues?: unknown;
  newValues?: unknown;
}

// Serialises appends (in commit order) so that each record's prevHash is the record before it.
const AUDIT_CHAIN_LOCK = 72707370;

export async function audit(tx: Tx, entry: AuditEntry): Promise<void> {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(${AUDIT_CHAIN_LOCK})`;
  const last = await tx.auditRecord.findFirst({ orderBy: { id: "desc" }, select: { hash: true } });
  const fields: HashedFields = {
    prevHash: last?.hash ?? null,
    at: new Date().toISOString(),
    actorId: entry.actor.id || null,
    actorName: entry.actor.name,
    action: entry.action,
    entityType: entry.entityType,
    entityId: entry.entityId,
    orgId: entry.orgId ?? null,
    campaignId: entry.campaignId ?? null,
    oldValues: (toJson(entry.oldValues) ?? null) as Json | null,
    newValues: (toJson(entry.newValues) ?? null) as Json | null,
  };
  await tx.auditRecord.create({
    data: {
      ...fields,
      at: new Date(fields.at),
      oldValues: fields.oldValues ?? undefined,
      newValues: fields.newValues ?? undefined,
      hash: recordHash(fields),
    },
  });
}
