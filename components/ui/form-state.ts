// Reading a plan form's state: what to show in each field (what was posted, after a refused
// save; otherwise the record as loaded), its field errors, and the version the next save is based on.
import type { FormState } from "@/lib/form-action";

export type FormValues = Record<string, string | string[]>;

export function formView(state: FormState<{ id: string }>, initial: FormValues, version?: number) {
  const result = state.result;
  const errors = result && !result.ok && result.error === "invalid" ? result.fieldErrors : {};
  const conflict = result && !result.ok && result.error === "conflict" ? result.current : null;
  // Posted values replace the loaded ones wholesale: an unticked box or an emptied list posts nothing.
  const values = state.values ?? initial;
  const text = (name: string) => {
    const v = values[name];
    return typeof v === "string" ? v : "";
  };
  const list = (name: string) => {
    const v = values[name];
    return Array.isArray(v) ? v : typeof v === "string" ? [v] : [];
  };
  // After a conflict the user has been told; saving again is a decision to replace the other edit.
  const nextVersion = conflict && typeof conflict.version === "number" ? String(conflict.version) : text("version") || String(version ?? "");
  return { result, errors, conflict, text, list, version: nextVersion, key: JSON.stringify(state) };
}
