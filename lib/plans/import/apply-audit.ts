// The one audit record of an import (see apply.ts): the file, counts, the rows created by their
// natural keys, and each updated row's changed fields, old and new, as the dry run compared them.
import type { Change, DryRun, ImportChanges } from "./diff";
import type { SheetId } from "./format";
import { CAMPAIGN_FIELDS, INDICATOR_FIELDS, PLAN_FIELDS, TASK_FIELDS, type ImportContext } from "./model";

/** The audit record's old and new values (see the comment at the top). */
export function auditValues(context: ImportContext, dry: DryRun, file: { fileName: string; storageKey: string; sha256: string }) {
  const stored = context.plan;
  const fieldsOf: Record<SheetId, [string, (v: never) => string][]> = {
    plan: PLAN_FIELDS,
    campaigns: CAMPAIGN_FIELDS,
    indicators: INDICATOR_FIELDS,
    tasks: TASK_FIELDS,
  };
  const storedRow = (c: Change<unknown>): unknown =>
    c.sheet === "plan" ? stored : [...(stored?.campaigns ?? []), ...(stored?.indicators ?? []), ...(stored?.tasks ?? [])].find((r) => r.id === c.id);
  const changes: ImportChanges = dry.changes;
  const all: Change<unknown>[] = [...(changes.plan ? [changes.plan] : []), ...changes.campaigns, ...changes.indicators, ...changes.tasks];
  const label = (c: Change<unknown>) => dry.fates.find((f) => f.sheet === c.sheet && f.row === c.row)?.label ?? "";
  const pick = (c: Change<unknown>, from: unknown) =>
    Object.fromEntries(fieldsOf[c.sheet].filter(([h]) => c.changed.includes(h)).map(([h, value]) => [h, (value as (v: unknown) => string)(from)]));
  const count = (id: "created" | "updated", sheet: SheetId) => all.filter((c) => c.sheet === sheet && (c.id === null) === (id === "created")).length;
  const counts = (id: "created" | "updated") => ({ campaigns: count(id, "campaigns"), indicators: count(id, "indicators"), tasks: count(id, "tasks") });
  const updated = all.filter((c) => c.id !== null);
  return {
    oldValues: stored
      ? { version: stored.version, updated: updated.map((c) => ({ sheet: c.sheet, row: label(c), fields: pick(c, storedRow(c)) })) }
      : undefined,
    newValues: {
      file,
      planCreated: stored === null,
      created: counts("created"),
      updated: counts("updated"),
      createdRows: all.filter((c) => c.id === null && c.sheet !== "plan").map((c) => ({ sheet: c.sheet, row: label(c) })),
      updatedRows: updated.map((c) => ({ sheet: c.sheet, row: label(c), fields: pick(c, c.values) })),
    },
  };
}
