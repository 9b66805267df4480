import Link from "@/components/ui/Link";
import { getTranslations } from "next-intl/server";
import type { MeetingRow } from "@/lib/board/meeting";
import type { Since } from "@/lib/board/view";
import { LIGHT_SHAPES } from "./lights";
import { LightShape } from "./StatusLight";

/**
 * The board as a meeting reads it: one landscape page in large type, each light as shape, colour and
 * word (● 绿灯 ▲ 黄灯 ■ 红灯), how it moved since last month, the data month and when it was made.
 */
export async function MeetingSheet({
  title,
  org,
  dataMonth,
  generatedAt,
  rows,
  backHref,
  counts,
}: {
  title: string;
  org: string;
  dataMonth: string;
  generatedAt: string;
  rows: MeetingRow[];
  backHref: string;
  counts: { light: string; label: string; count: number }[];
}) {
  const [t, st] = await Promise.all([getTranslations("meeting"), getTranslations("status")]);
  return (
    <article className="text-[17px] leading-snug text-slate-950 print:text-[10.5pt]" data-testid="meeting-sheet">
      <p className="mb-3 flex gap-4 text-sm print:hidden">
        <Link href={backHref} className="link">
          ← {t("back")}
        </Link>
        <span className="text-slate-600">{t("printHint")}</span>
      </p>
      <header className="mb-3 flex flex-wrap items-end justify-between gap-2 border-b-2 border-red-800 pb-2">
        <div>
          <h1 className="text-3xl font-bold print:text-[18pt]">{title}</h1>
          <p className="mt-1 text-lg text-slate-700 print:text-[11pt]">
            {org} · {dataMonth}
          </p>
        </div>
        <div className="text-right">
          <p className="flex flex-wrap justify-end gap-x-5 text-xl font-semibold print:text-[12pt]" data-testid="meeting-counts">
            {counts.map((c) => (
              <span key={c.light} className="inline-flex items-center gap-1.5">
                {c.light !== "MISSING" && <LightShape light={c.light} size={18} />}
                {c.label} {c.count}
              </span>
            ))}
          </p>
          <p className="mt-1 text-sm text-slate-600 print:text-[9pt]">{t("generatedAt", { time: generatedAt })}</p>
        </div>
      </header>
      <table className="w-full border-collapse">
        <caption className="sr-only">{title}</caption>
        <thead>
          <tr className="border-b border-slate-400 text-left text-base print:text-[10pt]">
            <th scope="col" className="w-10 py-1 pr-2">
              {t("col.number")}
            </th>
            <th scope="col" className="py-1 pr-2">
              {t("col.campaign")}
            </th>
            <th scope="col" className="w-28 py-1 pr-2">
              {t("col.status")}
            </th>
            <th scope="col" className="w-40 py-1 pr-2">
              {t("col.since")}
            </th>
            <th scope="col" className="py-1 pr-2">
              {t("col.why")}
            </th>
            <th scope="col" className="w-20 py-1 pr-2 text-right">
              {t("col.progress")}
            </th>
            <th scope="col" className="w-20 py-1 pr-2 text-right">
              {t("col.overdue")}
            </th>
            <th scope="col" className="w-24 py-1 pr-2">
              {t("col.report")}
            </th>
            <th scope="col" className="w-20 py-1">
              {t("col.official")}
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.id} className="break-inside-avoid border-b border-slate-200 align-top" data-testid="meeting-row" data-light={r.light}>
              <td className="num py-1.5 pr-2">{r.number}</td>
              <td className="py-1.5 pr-2 font-semibold">{r.name}</td>
              <td className="py-1.5 pr-2">
                <span className="inline-flex items-center gap-1.5 font-semibold" style={{ color: LIGHT_SHAPES[r.light as keyof typeof LIGHT_SHAPES]?.colour }}>
                  <LightShape light={r.light} size={16} />
                  {r.lightLabel}
                </span>
              </td>
              <td className="py-1.5 pr-2" data-testid="meeting-since">
                <SinceCell since={r.since} to={r.lightLabel} label={(l) => st(`light.${l}`)} words={t} />
              </td>
              <td className="py-1.5 pr-2">{r.headline}</td>
              <td className="num py-1.5 pr-2 text-right">{r.progress}%</td>
              <td className={`num py-1.5 pr-2 text-right ${r.overdue > 0 ? "font-semibold text-red-800" : ""}`}>{r.overdue}</td>
              <td className={`py-1.5 pr-2 ${r.missing ? "font-semibold text-red-800" : ""}`}>{r.report}</td>
              <td className="py-1.5">{r.official || "—"}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="mt-2 flex flex-wrap gap-x-5 text-sm text-slate-700 print:text-[8.5pt]" data-testid="meeting-legend">
        {(["GREEN", "AMBER", "RED", "NONE"] as const).map((l) => (
          <span key={l} className="inline-flex items-center gap-1">
            <LightShape light={l} size={11} />
            {st(`light.${l}`)}：{t(`legend.${l}`)}
          </span>
        ))}
      </p>
    </article>
  );
}

function SinceCell({
  since,
  to,
  label,
  words,
}: {
  since: Since;
  to: string;
  label: (light: string) => string;
  words: (key: string, values?: Record<string, string>) => string;
}) {
  if (since.kind === "first") return <span className="text-slate-500">—</span>;
  if (since.kind === "same") return <span className="text-slate-600">{words("since.same")}</span>;
  return (
    <span className={`font-semibold ${since.kind === "worse" ? "text-red-800" : "text-green-800"}`}>
      {since.kind === "worse" ? "↓ " : "↑ "}
      {words("since.changed", { from: label(since.from), to })}
    </span>
  );
}
