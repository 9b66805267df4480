/** A status light: colour plus its word, so the status never depends on colour alone. */
const DOT: Record<string, string> = {
  RED: "bg-red-600",
  AMBER: "bg-amber-400",
  GREEN: "bg-green-600",
  NONE: "bg-slate-300",
};

export function StatusLight({ light, label }: { light: string; label: string }) {
  return (
    <span className="inline-flex items-center gap-1.5 whitespace-nowrap font-medium" data-light={light}>
      <span aria-hidden="true" className={`inline-block h-3 w-3 rounded-full ring-1 ring-black/10 ${DOT[light] ?? DOT.NONE}`} />
      {label}
    </span>
  );
}
