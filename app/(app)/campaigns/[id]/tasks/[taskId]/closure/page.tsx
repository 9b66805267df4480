import { ClientMessages } from "@/components/i18n/ClientMessages";
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { Evidence } from "@/components/reports/Evidence";
import { AskClosureForm, DecideClosureForm } from "@/components/tasks/ClosureForms";
import { PageHeader } from "@/components/ui/PageHeader";
import { requireUser } from "@/lib/auth/session";
import { formatDate, formatDateTime, formatNumber } from "@/lib/format";
import { idParams } from "@/lib/http/params";
import type { Locale } from "@/lib/i18n/config";
import { getTaskClosure } from "@/lib/tasks/closure-queries";

export async function generateMetadata() {
  return { title: (await getTranslations("closure"))("title") };
}

const STATE_STYLE: Record<string, string> = {
  OPEN: "bg-slate-100 text-slate-800",
  REQUESTED: "bg-amber-100 text-amber-900",
  CLOSED: "bg-green-100 text-green-800",
};

/**
 * A task's 销号: anyone who sees the campaign reads its state, requests and evidence; its leads keep
 * the evidence and ask; the plan's confirmer (分管领导 or office staff) confirms or returns.
 */
export default async function TaskClosurePage({ params }: { params: Promise<{ id: string; taskId: string }> }) {
  const user = await requireUser();
  const { id, taskId } = await idParams(params);
  const found = await getTaskClosure(user, id, taskId);
  if (!found) notFound();
  const { task, overdue } = found;
  const [t, tt, locale] = await Promise.all([getTranslations("closure"), getTranslations("tasks"), getLocale() as Promise<Locale>]);
  const returned = task.closure === "OPEN" ? task.closureRequests.find((r) => r.status === "RETURNED" && r === task.closureRequests[0]) : undefined;
  const evidence = task.evidence.map((a) => ({
    id: a.id,
    fileName: a.fileName,
    size: `${formatNumber(a.size / 1024, locale, 0)} KB`,
    uploadedBy: a.uploadedBy.name,
    uploadedAt: formatDateTime(a.createdAt, locale),
  }));
  const confirmer = task.campaign.plan.closureConfirmedBy === "OFFICIAL" ? t("byOfficial", { name: task.campaign.leadingOfficial?.name ?? "—" }) : t("byStaff");

  return (
    <ClientMessages namespaces={["closure", "evidence", "taskEvidence"]}>
      <div className="mx-auto max-w-2xl space-y-6">
        <PageHeader
          crumbs={[{ href: `/campaigns/${task.campaign.id}`, label: task.campaign.name }]}
          title={task.title}
          subtitle={`${tt("owner", { name: task.owner?.name ?? "—" })} · ${tt("due", { date: formatDate(task.dueDate, locale) })} · ${task.percentDone}%`}
        />
        <section className="card space-y-2 p-4" aria-labelledby="closure-state">
          <h2 id="closure-state" className="text-lg font-semibold">
            {t("title")}
          </h2>
          <p>
            <span data-testid="closure-state" className={`rounded px-2 py-0.5 text-sm font-medium ${STATE_STYLE[task.closure] ?? ""}`}>
              {t(`state.${task.closure}`)}
            </span>
            {task.closure === "CLOSED" && task.closedAt && (
              <span className="ml-2 text-sm text-slate-600">{t("closedAt", { time: formatDateTime(task.closedAt, locale) })}</span>
            )}
            {overdue && <span className="ml-2 rounded bg-red-100 px-2 py-0.5 text-sm font-medium text-red-800">{tt("overdue")}</span>}
          </p>
          <p className="text-sm text-slate-600">{t("rule", { confirmer })}</p>
          {returned && (
            <div role="status" data-testid="closure-returned" className="rounded-md border border-amber-400 bg-amber-50 p-3 text-sm text-amber-900">
              {t("returnedBy", { name: returned.decidedBy?.name ?? "—", time: formatDateTime(returned.decidedAt, locale) })}
              <p className="mt-1 font-medium whitespace-pre-line">{returned.returnReason}</p>
            </div>
          )}
          {overdue && (task.overdueReason || task.remedy) && (
            <dl className="text-sm" data-testid="closure-overdue">
              <dt className="font-medium">{t("overdueReason")}</dt>
              <dd className="mb-1 text-slate-700">{task.overdueReason ?? "—"}</dd>
              <dt className="font-medium">{t("remedy")}</dt>
              <dd className="text-slate-700">{task.remedy ?? "—"}</dd>
            </dl>
          )}
          {found.mayKeepEvidence && !found.mayAsk && <p className="text-sm text-slate-700">{t("finishFirst")}</p>}
        </section>

        <Evidence
          reportId={null}
          attachments={evidence}
          canEdit={found.mayKeepEvidence}
          target={{ uploadUrl: `/api/tasks/${encodeURIComponent(task.id)}/evidence`, messages: "taskEvidence" }}
        />

        {found.mayAsk && <AskClosureForm task={{ id: task.id, campaignId: task.campaign.id, version: task.version }} />}
        {found.mayDecide && <DecideClosureForm task={{ id: task.id, version: task.version }} />}

        {task.closureRequests.length > 0 && (
          <section aria-labelledby="closure-history">
            <h2 id="closure-history" className="mb-2 font-semibold">
              {t("history")}
            </h2>
            <ul className="card divide-y divide-slate-200 text-sm" data-testid="closure-history">
              {task.closureRequests.map((r) => (
                <li key={r.id} className="space-y-1 px-4 py-2">
                  <p>
                    <span className="font-medium">{t(`request.${r.status}`)}</span> ·{" "}
                    {t("askedBy", { name: r.requestedBy.name, time: formatDateTime(r.requestedAt, locale) })}
                  </p>
                  <p className="text-slate-700 whitespace-pre-line">{r.note}</p>
                  {r.decidedAt && (
                    <p className="text-slate-600">
                      {t("decidedBy", { name: r.decidedBy?.name ?? "—", time: formatDateTime(r.decidedAt, locale) })}
                      {r.returnReason && <span className="block whitespace-pre-line text-amber-900">{r.returnReason}</span>}
                    </p>
                  )}
                </li>
              ))}
            </ul>
          </section>
        )}
      </div>
    </ClientMessages>
  );
}
