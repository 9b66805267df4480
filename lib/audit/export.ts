// The audit trail as a file (CSV or Excel) under the viewer's filters, in words like the page. Text
// that a spreadsheet would run as a formula stays text (csvSafe, writeText). The export is itself
// put on record, with the filters it used.
import "server-only";
import { stringify } from "csv-stringify/sync";
import ExcelJS from "exceljs";
import { may } from "@/lib/auth/permissions";
import type { SessionUser } from "@/lib/auth/roles";
import { now } from "@/lib/clock";
import { db, WRITE_TX } from "@/lib/db";
import { invalid, type FieldErrors } from "@/lib/errors";
import { TIME_ZONE, type Locale } from "@/lib/i18n/config";
import { csvNumber, csvSafe } from "@/lib/summary/render/csv";
import { addTable, wallClock } from "@/lib/summary/render/xlsx-sheet";
import { changeLines, describeRecord } from "./describe";
import { auditNames } from "./names";
import { auditForExport, type AuditRow } from "./queries";
import { audit } from "./record";
import { AUDIT_FILTER_KEYS, auditFilterSchema } from "./schemas";
import { auditWords } from "./wording";

export const AUDIT_EXPORT_FORMATS = ["csv", "xlsx"] as const;
export type AuditExportFormat = (typeof AUDIT_EXPORT_FORMATS)[number];

const MIME: Record<AuditExportFormat, string> = {
  csv: "text/csv; charset=utf-8",
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
};

export type AuditExport =
  | { ok: true; fileName: string; mime: string; body: Buffer; rows: number; truncated: boolean }
  | { ok: false; error: "forbidden" }
  | { ok: false; error: "invalid"; fieldErrors: FieldErrors };

/** YYYY-MM-DD of a moment in China. */
function chinaDay(date: Date): string {
  return new Intl.DateTimeFormat("en-CA", { timeZone: TIME_ZONE, year: "numeric", month: "2-digit", day: "2-digit" }).format(date);
}

/** Seconds matter in an audit trail: 2018-04-10 23:30:05, China time. */
function chinaTime(date: Date): string {
  return wallClock(date).toISOString().slice(0, 19).replace("T", " ");
}

interface Line {
  id: string;
  at: Date;
  cells: string[];
}

function lines(rows: AuditRow[], locale: Locale, names: Record<string, string>): Line[] {
  const words = auditWords(locale, names);
  return rows.map((r) => {
    const d = describeRecord(r, words);
    const changes = changeLines(d.changes);
    return { id: r.id.toString(), at: r.at, cells: [d.person, d.action, d.entityType, d.entityName, r.entityId, d.campaign, changes.old, changes.new] };
  });
}

function headers(locale: Locale): string[] {
  const { t } = auditWords(locale);
  return ["colId", "colTime", "colPerson", "colAction", "colEntityType", "colEntity", "colEntityId", "colCampaign", "colOld", "colNew"].map((k) =>
    t(`auditLog.${k}`),
  );
}

export function auditCsv(rows: AuditRow[], locale: Locale, names: Record<string, string>): Buffer {
  const body = lines(rows, locale, names).map((l) => [csvNumber(l.id), chinaTime(l.at), ...l.cells.map(csvSafe)]);
  // A BOM and CRLF: what Excel needs to open Chinese text directly.
  return Buffer.from(`\uFEFF${stringify([headers(locale).map(csvSafe), ...body], { record_delimiter: "windows" })}`, "utf8");
}

export async function auditXlsx(rows: AuditRow[], locale: Locale, names: Record<string, string>): Promise<Buffer> {
  const { t } = auditWords(locale);
  const workbook = new ExcelJS.Workbook();
  const [id, at, ...rest] = headers(locale);
  const wrapped = new Set([6, 7]);
  addTable(workbook, {
    name: t("auditLog.sheet"),
    columns: [{ header: id ?? "" }, { header: at ?? "", numFmt: "yyyy-mm-dd hh:mm:ss" }, ...rest.map((header, i) => ({ header, wrap: wrapped.has(i) }))],
    rows: lines(rows, locale, names).map((l) => [l.id, wallClock(l.at), ...l.cells]),
    empty: t("auditLog.none"),
  });
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** The file for the filters (raw from the URL), and its record in the trail. */
export async function exportAudit(user: SessionUser, raw: unknown, format: string, locale: Locale): Promise<AuditExport> {
  if (!may(user, "readAudit")) return { ok: false, error: "forbidden" };
  if (!(AUDIT_EXPORT_FORMATS as readonly string[]).includes(format))
    return { ok: false, error: "invalid", fieldErrors: { format: ["auditLog.invalidFilter"] } };
  const parsed = auditFilterSchema.safeParse(raw);
  if (!parsed.success) {
    const result = invalid(parsed.error);
    return { ok: false, error: "invalid", fieldErrors: "fieldErrors" in result ? result.fieldErrors : {} };
  }
  const kind = format as AuditExportFormat;
  const { rows, truncated } = await auditForExport(user, parsed.data);
  const names = await auditNames(user, rows);
  const body = kind === "csv" ? auditCsv(rows, locale, names) : await auditXlsx(rows, locale, names);
  const fileName = `${auditWords(locale).t("auditLog.fileName")}-${chinaDay(now())}.${kind}`;
  const filters = Object.fromEntries(AUDIT_FILTER_KEYS.map((k) => [k, parsed.data[k]]));
  await db().$transaction(
    (tx) =>
      audit(tx, {
        actor: user,
        action: "audit.export",
        entityType: "AuditRecord",
        entityId: fileName,
        orgId: user.orgId,
        newValues: { format: kind, filters, rows: rows.length, truncated },
      }),
    WRITE_TX,
  );
  return { ok: true, fileName, mime: MIME[kind], body, rows: rows.length, truncated };
}
