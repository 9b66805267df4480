import { ClientMessages } from "@/components/i18n/ClientMessages";
import Link from "@/components/ui/Link";
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { TaskProgressForm } from "@/components/tasks/TaskProgressForm";
import { PageHeader } from "@/components/ui/PageHeader";
import { requireUser } from "@/lib/auth/session";
import { getReportableTask } from "@/lib/campaigns/queries";
import { formatDate, formatDateTime } from "@/lib/format";
import type { Locale } from "@/lib/i18n/config";
import { idParams } from "@/lib/http/params";
import { now } from "@/lib/clock";
import { isOverdue } from "@/lib/tasks/closure-rules";

export async function generateMetadata() {
  return { title: (await getTranslations("tasks"))("updateTitle") };
}

/** A lead updates one task's progress. Anyone else gets 404: the task is looked up within their campaigns. */
export default async function TaskProgressPage({ params }: { params: Promise<{ id: string; taskId: string }> }) {
  const user = await requireUser();
  const { id, taskId } = await idParams(params);
  const task = await getReportableTask(user, id, taskId);
  if (!task) notFound();
  const [t, c, locale] = await Promise.all([getTranslations("tasks"), getTranslations("closure"), getLocale() as Promise<Locale>]);
  return (
    <ClientMessages namespaces={["tasks"]}>
      <div className="mx-auto max-w-xl">
        <PageHeader
          crumbs={[{ href: `/campaigns/${task.campaign.id}`, label: task.campaign.name }]}
          title={task.title}
          subtitle={`${t("owner", { name: task.owner?.name ?? "—" })} · ${t("due", { date: formatDate(task.dueDate, locale) })}`}
        />
        <p className="mb-3 text-sm">
          <Link href={`/campaigns/${task.campaign.id}/tasks/${task.id}/closure`} className="link">
            {task.closure === "OPEN" ? c("goAsk") : c(`state.${task.closure}`)}
          </Link>
        </p>
        {task.closure === "OPEN" ? (
          <TaskProgressForm
            task={{
              id: task.id,
              campaignId: task.campaign.id,
              version: task.version,
              percentDone: task.percentDone,
              status: task.status,
              overdueReason: task.overdueReason,
              remedy: task.remedy,
            }}
            overdue={isOverdue(task, now())}
          />
        ) : (
          <p className="card p-4 text-slate-700" data-testid="progress-locked">
            {c(`locked.${task.closure}`)}
          </p>
        )}
        {task.updates.length > 0 && (
          <section className="mt-8" aria-labelledby="history-heading">
            <h2 id="history-heading" className="mb-2 font-semibold">
              {t("history")}
            </h2>
            <ul className="card divide-y divide-slate-200 text-sm">
              {task.updates.map((u) => (
                <li key={u.id} className="px-4 py-2">
                  <span className="num font-medium">{u.percentDone}%</span> · {t(`status.${u.status}`)} · {u.reportedBy.name} ·{" "}
                  {formatDateTime(u.reportedAt, locale)}
                  {u.note && <p className="text-slate-600">{u.note}</p>}
                  {u.overdueReason && <p className="text-red-900">{c("overdueLine", { reason: u.overdueReason, remedy: u.remedy ?? "—" })}</p>}
                </li>
              ))}
            </ul>
          </section>
        )}
      </div>
    </ClientMessages>
  );
}
