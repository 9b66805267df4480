// The audit record of an edit: the fields that changed, before and after (arrays and dates compared by value).
export type Snapshot = Record<string, unknown>;

export function changes(before: Snapshot, after: Snapshot): { oldValues: Snapshot; newValues: Snapshot } {
  const oldValues: Snapshot = {};
  const newValues: Snapshot = {};
  for (const key of new Set([...Object.keys(before), ...Object.keys(after)])) {
    if (JSON.stringify(before[key]) === JSON.stringify(after[key])) continue;
    oldValues[key] = before[key] ?? null;
    newValues[key] = after[key] ?? null;
  }
  return { oldValues, newValues };
}
