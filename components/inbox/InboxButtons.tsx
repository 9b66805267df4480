"use client";
import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { acknowledgeRedAction, markAllReadAction, markReadAction, openNotificationAction } from "@/lib/inbox/actions";

/** 查看: marks the message read and opens its page (a form, so it works before the page's script loads). */
export function OpenButton({ id, title, unread }: { id: string; title: string; unread: boolean }) {
  const [, action, pending] = useActionState(openNotificationAction, {});
  return (
    <form action={action} className="min-w-0">
      <input type="hidden" name="id" value={id} />
      <button type="submit" disabled={pending} className={`link text-left ${unread ? "font-semibold" : ""}`} data-testid="inbox-open">
        {title}
      </button>
    </form>
  );
}

export function MarkReadButton({ id }: { id: string }) {
  const t = useTranslations("inbox");
  const [, action, pending] = useActionState(markReadAction, {});
  return (
    <form action={action}>
      <input type="hidden" name="id" value={id} />
      <button type="submit" disabled={pending} className="btn-secondary min-h-9 px-2 py-1 text-xs" data-testid="inbox-mark-read">
        {t("markRead")}
      </button>
    </form>
  );
}

export function MarkAllReadButton() {
  const t = useTranslations("inbox");
  const [, action, pending] = useActionState(markAllReadAction, {});
  return (
    <form action={action}>
      <button type="submit" disabled={pending} className="btn-secondary" data-testid="inbox-mark-all-read">
        {t("markAllRead")}
      </button>
    </form>
  );
}

export function AcknowledgeRedButton() {
  const t = useTranslations("inbox");
  const [, action, pending] = useActionState(acknowledgeRedAction, {});
  return (
    <form action={action}>
      <button type="submit" disabled={pending} className="btn-secondary min-h-9 px-2 py-1 text-xs" data-testid="inbox-ack-red">
        {t("acknowledge")}
      </button>
    </form>
  );
}
