import type { FieldChange } from "@/lib/audit/describe";

/** A record's fields, old → new (struck out and inserted), as the campaign trail and the audit viewer show them. */
export function ChangeList({ changes, className = "" }: { changes: FieldChange[]; className?: string }) {
  if (changes.length === 0) return null;
  return (
    <ul className={`space-y-0.5 text-xs text-slate-700 ${className}`} data-testid="audit-changes">
      {changes.map((c, i) => (
        <li key={`${i}-${c.field}`} className="break-all">
          <span className="text-slate-500">{c.field}：</span>
          {c.old !== null && <del className="text-red-800">{c.old}</del>}
          {c.old !== null && " → "}
          <ins className="text-green-800 no-underline">{c.new}</ins>
        </li>
      ))}
    </ul>
  );
}
