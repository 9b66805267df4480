// Audit values as plain JSON (Decimal and Date as strings) and their hash. The JSON column does not
// keep key order, so the hash is over a key-sorted serialisation: for the values written here it is
// RFC 8785's canonical JSON (canonical.test.ts checks the RFC's examples). Every stored hash depends
// on it, so safe-stable-stringify and decimal.js are pinned exactly, and a test holds one hash fixed.
import { createHash } from "node:crypto";
import stringify from "safe-stable-stringify";

/** Keys sorted, no whitespace: the text that is hashed. */
export function canonicalJson(value: Json): string {
  return stringify(value);
}

export type Json = string | number | boolean | null | Json[] | { [key: string]: Json };

function isDecimal(value: object): value is { toFixed(): string } {
  return value.constructor?.name === "Decimal" || ("d" in value && "e" in value && "s" in value && "toFixed" in value);
}

export function toJson(value: unknown): Json | undefined {
  if (value === undefined) return undefined;
  if (value === null || typeof value === "string" || typeof value === "boolean") return value;
  if (typeof value === "number") return Number.isFinite(value) ? value : String(value);
  if (typeof value === "bigint") return value.toString();
  if (value instanceof Date) return value.toISOString();
  if (Array.isArray(value)) return value.map((v) => toJson(v) ?? null);
  if (typeof value === "object") {
    if (isDecimal(value)) return value.toFixed();
    const out: { [key: string]: Json } = {};
    for (const [k, v] of Object.entries(value)) {
      const j = toJson(v);
      if (j !== undefined) out[k] = j;
    }
    return out;
  }
  return String(value);
}

export interface HashedFields {
  prevHash: string | null;
  at: string;
  actorId: string | null;
  actorName: string;
  action: string;
  entityType: string;
  entityId: string;
  orgId: string | null;
  campaignId: string | null;
  oldValues: Json | null;
  newValues: Json | null;
}

export function recordHash(fields: HashedFields): string {
  return createHash("sha256")
    .update(canonicalJson({ ...fields }))
    .digest("hex");
}
