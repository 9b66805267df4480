import { ClientMessages } from "@/components/i18n/ClientMessages";
import Link from "@/components/ui/Link";
import { getLocale, getTranslations } from "next-intl/server";
import { MarkAllReadButton, MarkReadButton, OpenButton } from "@/components/inbox/InboxButtons";
import { NeedsYou } from "@/components/inbox/NeedsYou";
import { PageHeader } from "@/components/ui/PageHeader";
import { requireUser } from "@/lib/auth/session";
import { formatDateTime } from "@/lib/format";
import type { Locale } from "@/lib/i18n/config";
import { listInbox, needsYou } from "@/lib/inbox/queries";

export async function generateMetadata() {
  return { title: (await getTranslations("inbox"))("title") };
}

/** 消息: everyone's own messages, newest first, with what needs them now at the top. */
export default async function InboxPage() {
  const user = await requireUser();
  const [items, needs, t, locale] = await Promise.all([listInbox(user), needsYou(user), getTranslations("inbox"), getLocale() as Promise<Locale>]);
  const unread = items.filter((n) => !n.readAt).length;
  return (
    <ClientMessages namespaces={["inbox"]}>
      <>
        <PageHeader title={t("title")} subtitle={t("unreadCount", { count: unread })} actions={unread > 0 && <MarkAllReadButton />} />
        <NeedsYou needs={needs} />
        {needs.leader && (
          <p className="-mt-4 mb-6 text-sm">
            <Link href="/board" className="link">
              {t("toBoard")} →
            </Link>
          </p>
        )}
        <section aria-labelledby="inbox-all">
          <h2 id="inbox-all" className="mb-2 text-lg font-semibold">
            {t("all")}
          </h2>
          {items.length === 0 ? (
            <p className="card p-4 text-sm text-slate-600">{t("empty")}</p>
          ) : (
            <ul className="card divide-y divide-slate-200" data-testid="inbox">
              {items.map((n) => (
                <li
                  key={n.id}
                  className={`flex items-start gap-3 px-3 py-2.5 sm:px-4 ${n.readAt ? "" : "bg-brand-50"}`}
                  data-testid="inbox-item"
                  data-unread={n.readAt ? "false" : "true"}
                >
                  <span aria-hidden="true" className={`mt-1.5 h-2.5 w-2.5 shrink-0 rounded-full ${n.readAt ? "bg-transparent" : "bg-brand-600"}`} />
                  <div className="min-w-0 flex-1">
                    <p className="flex flex-wrap items-baseline gap-x-2 text-xs text-slate-600">
                      <span className="rounded border border-slate-300 bg-white px-1 text-slate-700">
                        {t.has(`kind.${n.kind}`) ? t(`kind.${n.kind}`) : n.kind}
                      </span>
                      <span>{formatDateTime(n.createdAt, locale)}</span>
                      {!n.readAt && <span className="font-semibold text-brand-700">{t("unread")}</span>}
                    </p>
                    <OpenButton id={n.id} title={n.title} unread={!n.readAt} />
                    <p className="text-sm whitespace-pre-wrap text-slate-700">{n.body}</p>
                  </div>
                  {!n.readAt && <MarkReadButton id={n.id} />}
                </li>
              ))}
            </ul>
          )}
        </section>
      </>
    </ClientMessages>
  );
}
