// A message box of a page or form: what happened or what to know, in one of four tones. Its role says
// how it is announced: an error or a refusal interrupts ("alert"), a result is polite ("status"), a
// standing remark on the page is a "note".

export type NoticeTone = "info" | "success" | "warning" | "error";

const TONES: Record<NoticeTone, string> = {
  info: "border-blue-300 bg-blue-50 text-blue-900",
  success: "border-emerald-300 bg-emerald-50 text-emerald-900",
  warning: "border-amber-400 bg-amber-50 text-amber-900",
  error: "border-red-300 bg-red-50 text-red-900",
};

const ROLES: Record<NoticeTone, "alert" | "status"> = { info: "status", success: "status", warning: "alert", error: "alert" };

export function Notice({
  tone,
  role = ROLES[tone],
  className = "",
  testId,
  children,
}: {
  tone: NoticeTone;
  role?: "alert" | "status" | "note";
  className?: string;
  testId?: string;
  children: React.ReactNode;
}) {
  return (
    <div role={role} data-testid={testId} className={`rounded-md border p-3 text-sm ${TONES[tone]} ${className}`}>
      {children}
    </div>
  );
}
