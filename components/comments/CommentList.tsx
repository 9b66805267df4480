import { getLocale, getTranslations } from "next-intl/server";
import { formatDateTime } from "@/lib/format";
import type { Locale } from "@/lib/i18n/config";

export async function CommentList({ comments }: { comments: { id: string; body: string; createdAt: Date; author: { name: string; title: string | null } }[] }) {
  const [t, locale] = await Promise.all([getTranslations("comments"), getLocale() as Promise<Locale>]);
  if (comments.length === 0) return <p className="text-sm text-slate-600">{t("none")}</p>;
  return (
    <ul className="space-y-2" data-testid="comments">
      {comments.map((c) => (
        <li key={c.id} className="rounded-md border-l-4 border-brand-600 bg-brand-50 p-3 text-sm">
          <p className="whitespace-pre-wrap text-slate-900">{c.body}</p>
          <p className="mt-1 text-xs text-slate-600">
            {c.author.name}
            {c.author.title ? `（${c.author.title}）` : ""} · {formatDateTime(c.createdAt, locale)}
          </p>
        </li>
      ))}
    </ul>
  );
}
