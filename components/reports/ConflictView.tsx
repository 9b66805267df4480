"use client";
import { useLocale, useTranslations } from "next-intl";
import { formatDateTime } from "@/lib/format";
import type { Locale } from "@/lib/i18n/config";
import { NARRATIVE_FIELDS } from "@/lib/reports/schemas";
import type { MovedTask } from "@/lib/reports/save";
import type { ReportIndicator, ReportTask } from "./types";
import { Notice } from "@/components/ui/Notice";

interface Row {
  key: string;
  label: string;
  theirs: string;
  mine: string;
}

/**
 * A refused save, side by side: what someone else saved meanwhile and what this lead typed (which
 * stays in the form). Two kinds: the report itself changed, or (on submit) a task's progress was
 * saved on the task page after the form was loaded.
 */
export function ConflictView({
  current,
  mine,
  indicators,
  tasks,
}: {
  current: Record<string, unknown>;
  mine: Record<string, string>;
  indicators: ReportIndicator[];
  tasks: ReportTask[];
}) {
  const t = useTranslations("report");
  const ts = useTranslations("tasks");
  const locale = useLocale() as Locale;
  const moved = Array.isArray(current.movedTasks) ? (current.movedTasks as MovedTask[]) : null;
  const rows: Row[] = [];
  if (moved) {
    for (const task of moved) {
      const status = mine[`task.${task.id}.status`];
      const by = task.by ? t("conflictTaskBy", { name: task.by, date: formatDateTime(task.at, locale) }) : "";
      rows.push({
        key: task.id,
        label: tasks.find((x) => x.id === task.id)?.title ?? task.title,
        theirs: `${task.percentDone}% · ${ts(`status.${task.status}`)}${by ? `（${by}）` : ""}`,
        mine: `${mine[`task.${task.id}.percent`] ?? "—"}% · ${status ? ts(`status.${status}`) : "—"}`,
      });
    }
  } else {
    const theirs = (current.values ?? {}) as Record<string, string>;
    for (const ind of indicators) {
      const a = theirs[ind.id] ?? "";
      const b = (mine[`value.${ind.id}`] ?? "").trim();
      if (a !== b) rows.push({ key: ind.id, label: ind.name, theirs: a || "—", mine: b || "—" });
    }
    for (const name of NARRATIVE_FIELDS) {
      const a = String(current[name] ?? "");
      const b = (mine[name] ?? "").trim();
      if (a !== b) rows.push({ key: name, label: t(`narrative.${name}`), theirs: a || "—", mine: b || "—" });
    }
  }
  return (
    <Notice tone="warning" testId="conflict">
      <p className="font-medium">{moved ? t("conflictTasks") : t("conflict")}</p>
      {rows.length > 0 && (
        <table className="mt-2 w-full text-left text-xs">
          <thead>
            <tr>
              <th scope="col" className="pr-2">
                {moved ? t("conflictTask") : t("conflictField")}
              </th>
              <th scope="col" className="pr-2">
                {t("conflictTheirs")}
              </th>
              <th scope="col">{t("conflictMine")}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((c) => (
              <tr key={c.key}>
                <td className="pr-2 align-top">{c.label}</td>
                <td className="pr-2 align-top whitespace-pre-wrap">{c.theirs}</td>
                <td className="align-top whitespace-pre-wrap">{c.mine}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </Notice>
  );
}
