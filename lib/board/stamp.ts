// A stamp that changes whenever any data does: the newest audit record's id. Every write appends
// one in its own transaction, and appends are serialised in commit order (lib/audit/record.ts), so
// a cache keyed by it is never stale after a write, on any instance of the app.
import "server-only";
import { db } from "@/lib/db";

export async function dataStamp(): Promise<string> {
  const rows = await db().$queryRaw<{ id: bigint | number | string | null }[]>`SELECT max(id) AS id FROM "AuditRecord"`;
  return String(rows[0]?.id ?? 0);
}
