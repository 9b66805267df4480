import Link from "@/components/ui/Link";
import { getLocale, getTranslations } from "next-intl/server";
import { now } from "@/lib/clock";
import { formatDate, formatNumber } from "@/lib/format";
import type { Locale } from "@/lib/i18n/config";
import { isOverdue } from "@/lib/tasks/closure-rules";

interface TaskRow {
  id: string;
  title: string;
  dueDate: Date;
  weight: { toString(): string };
  status: "NOT_STARTED" | "IN_PROGRESS" | "DONE" | "BLOCKED" | "CANCELLED";
  percentDone: number;
  /** 销号: only CLOSED counts as done. */
  closure: "OPEN" | "REQUESTED" | "CLOSED";
  overdueReason: string | null;
  remedy: string | null;
  isSample: boolean;
  owner: { name: string } | null;
  children?: TaskRow[];
}

export async function TaskList({
  tasks,
  campaignId,
  canReport,
  canKeep = false,
}: {
  tasks: TaskRow[];
  campaignId: string;
  canReport: boolean;
  canKeep?: boolean;
}) {
  const [t, ct, at, locale] = await Promise.all([
    getTranslations("tasks"),
    getTranslations("closure"),
    getTranslations("planAdmin"),
    getLocale() as Promise<Locale>,
  ]);
  if (tasks.length === 0) return <p className="card p-4 text-slate-600">{t("none")}</p>;
  const today = now();

  const item = (task: TaskRow, nested: boolean) => {
    const overdue = isOverdue(task, today);
    // 待销号 once finished and until confirmed; 已销号 after.
    const closureKey =
      task.closure === "CLOSED"
        ? "CLOSED"
        : task.closure === "REQUESTED"
          ? "REQUESTED"
          : task.percentDone >= 100 && task.status !== "CANCELLED"
            ? "UNASKED"
            : null;
    return (
      <li key={task.id} className={`px-4 py-3 ${nested ? "border-l-4 border-slate-100 pl-6" : ""}`} data-testid="task">
        <div className="flex flex-wrap items-baseline gap-x-3 gap-y-1">
          <span className="font-medium">{task.title}</span>
          <span className={`rounded px-1.5 text-xs ${STATUS_STYLE[task.status]}`}>{t(`status.${task.status}`)}</span>
          {closureKey && (
            <span
              data-testid="task-closure"
              className={`rounded px-1.5 text-xs ${closureKey === "CLOSED" ? "bg-green-100 text-green-800" : "bg-amber-100 text-amber-900"}`}
            >
              {ct(`badge.${closureKey}`)}
            </span>
          )}
          {overdue && <span className="rounded bg-red-100 px-1.5 text-xs font-semibold text-red-800">{t("overdue")}</span>}
          {/* The 销号 page, once there is something to ask for or decide; a lead also reaches it from the progress page. */}
          {closureKey && (
            <Link href={`/campaigns/${campaignId}/tasks/${task.id}/closure`} className="link text-sm" aria-label={ct("linkLabel", { title: task.title })}>
              {ct("link")}
            </Link>
          )}
          <span className="ml-auto" />
          {canReport && task.closure === "OPEN" && (
            <Link href={`/campaigns/${campaignId}/tasks/${task.id}`} className="link text-sm">
              {t("update")}
            </Link>
          )}
          {canKeep && (
            <Link href={`/campaigns/${campaignId}/tasks/${task.id}/edit`} className="link text-sm" aria-label={at("editTaskLabel", { title: task.title })}>
              {at("editTask")}
            </Link>
          )}
        </div>
        <div className="mt-1 flex flex-wrap items-center gap-x-4 gap-y-1 text-sm text-slate-600">
          <span>{t("owner", { name: task.owner?.name ?? "—" })}</span>
          <span>{t("due", { date: formatDate(task.dueDate, locale) })}</span>
          <span>{t("weight", { weight: formatNumber(task.weight, locale) })}</span>
          <span className="flex items-center gap-2">
            <span
              className="inline-block h-2 w-24 overflow-hidden rounded bg-slate-200"
              role="progressbar"
              aria-label={t("percentLabel", { title: task.title })}
              aria-valuenow={task.percentDone}
              aria-valuemin={0}
              aria-valuemax={100}
            >
              <span className="block h-full bg-brand-600" style={{ width: `${task.percentDone}%` }} />
            </span>
            <span className="num">{task.percentDone}%</span>
          </span>
        </div>
        {overdue && (task.overdueReason || task.remedy) && (
          <p className="mt-1 text-sm text-red-900" data-testid="task-overdue-reason">
            {ct("overdueLine", { reason: task.overdueReason ?? "—", remedy: task.remedy ?? "—" })}
          </p>
        )}
      </li>
    );
  };

  return (
    <ul className="card divide-y divide-slate-200">
      {tasks.map((task) => (
        <li key={task.id}>
          <ul>
            {item(task, false)}
            {task.children?.map((child) => item(child, true))}
          </ul>
        </li>
      ))}
    </ul>
  );
}

const STATUS_STYLE: Record<TaskRow["status"], string> = {
  NOT_STARTED: "bg-slate-100 text-slate-700",
  IN_PROGRESS: "bg-blue-100 text-blue-800",
  DONE: "bg-green-100 text-green-800",
  BLOCKED: "bg-orange-100 text-orange-900",
  CANCELLED: "bg-slate-200 text-slate-600 line-through",
};
