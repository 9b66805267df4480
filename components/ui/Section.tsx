import { useId } from "react";

/**
 * A titled part of a page, its heading naming it (for screen readers' list of regions too): a card by
 * default, or `plain` where what it holds brings its own cards (lists, tables).
 */
export function Section({
  title,
  actions,
  plain,
  className = "",
  testId,
  children,
}: {
  title: React.ReactNode;
  /** Beside the heading: a link or button about the whole section. */
  actions?: React.ReactNode;
  plain?: boolean;
  className?: string;
  testId?: string;
  children: React.ReactNode;
}) {
  const id = useId();
  return (
    <section aria-labelledby={id} className={plain ? className : `card space-y-3 p-4 ${className}`} data-testid={testId}>
      <div className={`flex flex-wrap items-center gap-3 ${plain ? "mb-2" : ""}`}>
        <h2 id={id} className="text-lg font-semibold">
          {title}
        </h2>
        {actions}
      </div>
      {children}
    </section>
  );
}
