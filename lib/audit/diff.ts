// The one audit diff: what an edit changed, as the audit record's oldValues and newValues. Values
// are compared by their JSON (so arrays, dates and decimals by value); a field missing on one side
// is null there. With `nested`, a map (an object on both sides, e.g. a report's figures by
// indicator) is compared entry by entry, so the record names only the entries that changed.
export type Snapshot = Record<string, unknown>;

export interface DiffOptions {
  /** Compare maps entry by entry. */
  nested?: boolean;
  /** Fields left out of the comparison (e.g. a timestamp every save changes). */
  ignore?: readonly string[];
}

const isMap = (v: unknown): v is Snapshot => !!v && typeof v === "object" && !Array.isArray(v) && !(v instanceof Date);

export function changes(before: Snapshot, after: Snapshot, options: DiffOptions = {}): { oldValues: Snapshot; newValues: Snapshot } {
  const oldValues: Snapshot = {};
  const newValues: Snapshot = {};
  for (const key of new Set([...Object.keys(before), ...Object.keys(after)])) {
    if (options.ignore?.includes(key)) continue;
    const [a, b] = [before[key], after[key]];
    if (options.nested && (isMap(a) || isMap(b)) && (isMap(a) || a === undefined) && (isMap(b) || b === undefined)) {
      // A map on one side only (e.g. the first reasons given) was empty on the other.
      const inner = changes(a ?? {}, b ?? {}, { nested: true });
      if (Object.keys(inner.oldValues).length) [oldValues[key], newValues[key]] = [inner.oldValues, inner.newValues];
      continue;
    }
    if (JSON.stringify(a) === JSON.stringify(b)) continue;
    oldValues[key] = a ?? null;
    newValues[key] = b ?? null;
  }
  return { oldValues, newValues };
}
