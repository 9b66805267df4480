// The county overview as an Excel workbook: the towns ranked, the red campaigns across towns, and
// each town's lights month by month, each sheet printable on A4 landscape with page numbers.
import ExcelJS from "exceljs";
import type { SessionUser } from "@/lib/auth/roles";
import { now } from "@/lib/clock";
import { formatDateTime, formatMonth } from "@/lib/format";
import type { Locale } from "@/lib/i18n/config";
import { getCountyOverview } from "./county";
import { countyTrend, rankTowns, redCampaigns } from "./county-view";

type T = (key: string, values?: Record<string, string | number>) => string;

function sheet(workbook: ExcelJS.Workbook, name: string, header: string[], rows: (string | number | null)[][], widths: number[]) {
  const ws = workbook.addWorksheet(name, {
    pageSetup: { paperSize: 9, orientation: "landscape", fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: "1:1" },
    headerFooter: { oddFooter: "&C第 &P 页，共 &N 页" },
    views: [{ state: "frozen", ySplit: 1 }],
  });
  ws.addRow(header).font = { bold: true };
  for (const r of rows) ws.addRow(r);
  ws.columns.forEach((c, i) => (c.width = widths[i] ?? 12));
  return ws;
}

export async function exportCountyOverview(user: SessionUser, t: { county: T; status: T }, locale: Locale): Promise<{ data: Buffer; fileName: string } | null> {
  const towns = await getCountyOverview(user);
  if (towns.length === 0) return null;
  const ranked = rankTowns(towns);
  const trend = await countyTrend(towns);
  const light = (l: string) => t.status(`light.${l}`);
  const workbook = new ExcelJS.Workbook();
  workbook.creator = user.name;
  sheet(
    workbook,
    t.county("sheetRanking"),
    [
      t.county("rank"),
      t.county("town"),
      t.county("plan"),
      t.county("month"),
      light("RED"),
      light("AMBER"),
      light("GREEN"),
      light("NONE"),
      t.county("missing"),
      `${t.county("onSchedule")}（%）`,
    ],
    ranked.map((r) => [
      r.rank,
      r.town,
      r.plan,
      r.month > 0 ? formatMonth(r.year, r.month, locale) : "—",
      r.red,
      r.amber,
      r.green,
      r.none,
      r.missing,
      r.onSchedule,
    ]),
    [6, 14, 24, 12, 8, 8, 8, 10, 8, 12],
  );
  sheet(
    workbook,
    t.county("sheetRed"),
    [t.county("town"), t.county("campaign"), t.county("reason")],
    redCampaigns(towns).map((c) => [c.town, `${c.number}. ${c.name}`, c.silence ? t.county("redSilence", { days: c.daysLate }) : t.county("redFigures")]),
    [14, 40, 30],
  );
  sheet(
    workbook,
    t.county("sheetTrend"),
    [t.county("town"), t.county("month"), light("RED"), light("AMBER"), light("GREEN"), light("NONE")],
    ranked.flatMap((r) => (trend.get(r.planId) ?? []).map((m) => [r.town, formatMonth(r.year, m.month, locale), m.red, m.amber, m.green, m.none])),
    [14, 12, 8, 8, 8, 10],
  );
  const generated = workbook.worksheets[0];
  generated?.addRow([]);
  generated?.addRow([t.county("generatedAt"), formatDateTime(now(), locale)]);
  const data = Buffer.from(await workbook.xlsx.writeBuffer());
  return { data, fileName: `${t.county("title")}.xlsx` };
}
