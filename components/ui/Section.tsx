import { useId } from "react";

/** A titled part of a page: a card whose heading names it (for screen readers' list of regions too). */
export function Section({
  title,
  actions,
  className = "",
  testId,
  children,
}: {
  title: React.ReactNode;
  /** Beside the heading: a link or button about the whole section. */
  actions?: React.ReactNode;
  className?: string;
  testId?: string;
  children: React.ReactNode;
}) {
  const id = useId();
  return (
    <section aria-labelledby={id} className={`card space-y-3 p-4 ${className}`} data-testid={testId}>
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h2 id={id} className="text-lg font-semibold">
          {title}
        </h2>
        {actions}
      </div>
      {children}
    </section>
  );
}
