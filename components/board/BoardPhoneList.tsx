"use client";
import Link from "@/components/ui/Link";
import { useTranslations } from "next-intl";
import type { BoardRow } from "@/lib/board/view";
import { LightShape, StatusLight } from "./StatusLight";

/**
 * The board on a phone: every campaign in one line each (light, number, name, why), 未报送 and late
 * first, so the first screen holds all ten; a tap opens the full row in place. The table is for
 * wider screens (the page shows one or the other by width). A client component although it keeps no
 * state: it is given the same rows as the table, which the page's payload then carries once, not
 * once as rows and again as this list's markup.
 */
export function BoardPhoneList({ rows, asOfQuery }: { rows: BoardRow[]; asOfQuery: string }) {
  const t = useTranslations("board");
  if (rows.length === 0) return <p className="card p-4 text-sm text-slate-600 sm:hidden">{t("noMatch")}</p>;
  return (
    <ol className="card divide-y divide-slate-200 sm:hidden" data-testid="phone-board" aria-label={t("title")}>
      {rows.map((r) => (
        <li key={r.id} data-testid="phone-board-item" data-light={r.light}>
          <details className="group">
            <summary className="flex min-h-11 cursor-pointer list-none items-center gap-2 px-3 py-1.5 [&::-webkit-details-marker]:hidden">
              <LightShape light={r.light} size={14} />
              <span className="min-w-0 flex-1">
                <span className="flex items-baseline gap-1">
                  <span className="num text-slate-500">{r.number}.</span>
                  <span className="truncate font-medium text-slate-900">{r.name}</span>
                  {r.missing && <Tag tone="red">{t("missing")}</Tag>}
                  {!r.missing && r.daysLate > 0 && <Tag tone="amber">{t("lateSubmitted")}</Tag>}
                  {!!r.instructions?.overdue && <Tag tone="red">{t("instructionsOverdue", { count: r.instructions.overdue })}</Tag>}
                </span>
                <span className="block truncate text-xs text-slate-600" data-testid="phone-board-reason">
                  {r.lightLabel} · {r.headline}
                </span>
              </span>
              <span aria-hidden="true" className="text-slate-400 transition-transform group-open:rotate-90">
                ›
              </span>
            </summary>
            <div className="space-y-2 border-t border-slate-100 bg-slate-50 px-3 py-2 text-sm" data-testid="phone-board-detail">
              <p className="flex items-start gap-2">
                <StatusLight light={r.light} label="" word={r.lightLabel} />
                <span className="font-medium">{r.verdict}</span>
              </p>
              {r.list.length > 0 && (
                <ul className="list-disc space-y-0.5 pl-5 text-xs text-slate-700" aria-label={r.listLabel}>
                  {r.list.map((x) => (
                    <li key={x}>{x}</li>
                  ))}
                </ul>
              )}
              {r.indicators.length > 0 && (
                <ul className="space-y-0.5 text-xs">
                  {r.indicators.map((i) => (
                    <li key={i.name} className="flex items-start gap-1">
                      <StatusLight light={i.light} label="" />
                      <span>
                        <span className="text-slate-600">{i.name}</span> <span className="num">{i.line}</span> {i.marks.join(" · ")}
                      </span>
                    </li>
                  ))}
                </ul>
              )}
              <dl className="grid grid-cols-2 gap-x-3 gap-y-1 text-xs">
                <Fact label={t("col.progress")} value={`${r.progress}%`} />
                <Fact label={t("col.overdue")} value={String(r.overdue)} />
                <Fact label={t("col.report")} value={r.report} />
                <Fact label={t("col.official")} value={r.official || "—"} />
              </dl>
              <Link href={`/campaigns/${r.id}${asOfQuery}`} className="link inline-block py-1 font-medium">
                {t("openCampaign")} →
              </Link>
            </div>
          </details>
        </li>
      ))}
    </ol>
  );
}

function Tag({ tone, children }: { tone: "red" | "amber"; children: React.ReactNode }) {
  const colours = tone === "red" ? "border-red-300 bg-red-50 text-red-800" : "border-amber-300 bg-amber-50 text-amber-900";
  return <span className={`shrink-0 rounded border px-1 text-[11px] leading-4 ${colours}`}>{children}</span>;
}

function Fact({ label, value }: { label: string; value: string }) {
  return (
    <div>
      <dt className="text-slate-500">{label}</dt>
      <dd className="font-medium">{value}</dd>
    </div>
  );
}
