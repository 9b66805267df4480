// What the lead's desk (/my) shows, built from getLeadHome: each campaign's due report and how late it
// is, the returned reports and overdue tasks across campaigns, the reminders and comments, each with
// the page it opens and its dates in words.
import { daysOverdue, reportDueDate, reportingMonth } from "@/lib/clock";
import { formatDate, formatDateTime, formatMonth } from "@/lib/format";
import type { Locale } from "@/lib/i18n/config";
import type { getLeadHome } from "./queries";

type Home = Awaited<ReturnType<typeof getLeadHome>>;

interface CampaignInput {
  id: string;
  number: number;
  name: string;
  plan: { year: number; reportDueDay: number };
  /** Newest month first, the newest revision first within a month. */
  reports: { id: string; month: number; revision: number; status: string; returnReason: string | null }[];
  overdueTasks: { id: string; title: string; dueDate: Date; percentDone: number }[];
}

/** A campaign on the desk: the report due now (the last complete month), its state, how late, and the months returned. */
export function deskCampaign(c: CampaignInput, today: Date) {
  const due = reportingMonth(c.plan.year, today);
  const latestByMonth = new Map<number, CampaignInput["reports"][number]>();
  for (const r of c.reports) if (!latestByMonth.has(r.month)) latestByMonth.set(r.month, r);
  const dueReport = due > 0 ? latestByMonth.get(due) : undefined;
  const dueStatus = due > 0 ? (dueReport?.status ?? "MISSING") : null;
  return {
    id: c.id,
    number: c.number,
    name: c.name,
    year: c.plan.year,
    dueMonth: due,
    dueDate: due > 0 ? reportDueDate(c.plan.year, due, c.plan.reportDueDay) : null,
    dueStatus,
    // 已逾期 N 天 while the due report has not gone in.
    daysOverdue: dueStatus === "MISSING" || dueStatus === "DRAFT" ? daysOverdue(c.plan.year, due, c.plan.reportDueDay, today) : 0,
    returned: [...latestByMonth.values()].filter((r) => r.status === "RETURNED"),
    overdueTasks: c.overdueTasks,
  };
}

const reportHref = (campaignId: string, month: number) => `/campaigns/${campaignId}/reports/${month}`;

/** The whole page's model: the lists across campaigns flattened, links and dates ready to show. */
export function deskView({ campaigns, comments, reminders }: Home, locale: Locale) {
  return {
    reminders: reminders.map((r) => ({
      id: r.id,
      href: reportHref(r.campaign.id, r.month),
      campaign: r.campaign.name,
      month: formatMonth(r.year, r.month, locale),
      sender: r.sentBy?.name ?? null,
      date: formatDateTime(r.createdAt, locale),
    })),
    campaigns: campaigns.map((c) => ({
      id: c.id,
      number: c.number,
      name: c.name,
      due:
        c.dueMonth > 0 && c.dueStatus
          ? {
              month: formatMonth(c.year, c.dueMonth, locale),
              status: c.dueStatus,
              by: c.dueDate ? formatDate(c.dueDate, locale) : null,
              daysOverdue: c.daysOverdue,
              href: reportHref(c.id, c.dueMonth),
              // Still to be written (or rewritten), or only to be read.
              toFill: c.dueStatus === "MISSING" || c.dueStatus === "DRAFT" || c.dueStatus === "RETURNED",
            }
          : null,
    })),
    returned: campaigns.flatMap((c) =>
      c.returned.map((r) => ({
        id: r.id,
        href: reportHref(c.id, r.month),
        label: `${c.name} · ${formatMonth(c.year, r.month, locale)}`,
        reason: r.returnReason,
      })),
    ),
    overdue: campaigns.flatMap((c) =>
      c.overdueTasks.map((task) => ({
        id: task.id,
        href: `/campaigns/${c.id}/tasks/${task.id}`,
        title: task.title,
        since: formatDate(task.dueDate, locale),
        percentDone: task.percentDone,
      })),
    ),
    comments: comments.map((c) => ({
      id: c.id,
      href: c.report ? reportHref(c.campaign.id, c.report.month) : `/campaigns/${c.campaign.id}`,
      campaign: c.campaign.name,
      body: c.body,
      author: c.author.name,
      at: formatDateTime(c.createdAt, locale),
    })),
  };
}
