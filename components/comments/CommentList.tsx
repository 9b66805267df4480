import { getLocale, getTranslations } from "next-intl/server";
import type { InstructionState, InstructionStepKind } from "@/generated/prisma/enums";
import { chinaDay } from "@/lib/clock";
import { daysOverdue, mayTake } from "@/lib/comments/instruction-rules";
import { formatDate, formatDateTime } from "@/lib/format";
import type { Locale } from "@/lib/i18n/config";
import { AnswerForm } from "./AnswerForm";
import { DecideForm } from "./DecideForm";

export interface CommentItem {
  id: string;
  body: string;
  createdAt: Date;
  author: { name: string; title: string | null };
  authorId?: string;
  state?: InstructionState | null;
  dueDate?: Date | null;
  version?: number;
  steps?: { id: string; kind: InstructionStepKind; body: string; createdAt: Date; by: { name: string }; attachments: { id: string; fileName: string }[] }[];
}

/** Who is looking, for the forms of the 落实反馈 loop (the server checks again on every step). */
export interface CommentViewer {
  userId: string;
  /** A lead of this campaign: answers its open 批示. */
  answers: boolean;
  /** Writes 批示 and is the campaign's 分管领导: decides every 批示 of it (else only their own). */
  comments: boolean;
  official: boolean;
}

const STATE_TONE: Record<InstructionState, string> = {
  OPEN: "border-amber-300 bg-amber-50 text-amber-900",
  ANSWERED: "border-sky-300 bg-sky-50 text-sky-900",
  CLOSED: "border-green-300 bg-green-50 text-green-900",
};

export async function CommentList({ comments, viewer }: { comments: CommentItem[]; viewer?: CommentViewer }) {
  const [t, locale] = await Promise.all([getTranslations("comments"), getLocale() as Promise<Locale>]);
  if (comments.length === 0) return <p className="text-sm text-slate-600">{t("none")}</p>;
  const today = chinaDay();
  return (
    <ul className="space-y-2" data-testid="comments">
      {comments.map((c) => {
        const state = c.state ?? null;
        const overdue = state ? daysOverdue({ state, dueDate: c.dueDate ?? null }, today) : 0;
        const decides = !!viewer?.comments && (viewer.official || c.authorId === viewer.userId);
        return (
          <li
            key={c.id}
            id={`instruction-${c.id}`}
            className="scroll-mt-4 rounded-md border-l-4 border-brand-600 bg-brand-50 p-3 text-sm"
            data-testid="comment"
            data-state={state ?? "NONE"}
          >
            {state && (
              <p className="mb-1 flex flex-wrap items-center gap-1.5 text-xs">
                <span className={`rounded border px-1.5 py-0.5 font-medium ${STATE_TONE[state]}`} data-testid="instruction-state">
                  {t(`state.${state}`)}
                </span>
                {c.dueDate && <span className="text-slate-700">{t("dueOn", { date: formatDate(c.dueDate, locale) })}</span>}
                {overdue > 0 && (
                  <span className="rounded border border-red-300 bg-red-50 px-1.5 py-0.5 font-medium text-red-800" data-testid="instruction-overdue">
                    {t("overdue", { days: overdue })}
                  </span>
                )}
              </p>
            )}
            <p className="whitespace-pre-wrap text-slate-900">{c.body}</p>
            <p className="mt-1 text-xs text-slate-600">
              {c.author.name}
              {c.author.title ? `（${c.author.title}）` : ""} · {formatDateTime(c.createdAt, locale)}
            </p>
            {c.steps && c.steps.length > 0 && (
              <ol className="mt-2 space-y-1.5 border-l-2 border-slate-300 pl-3" data-testid="instruction-steps">
                {c.steps.map((s) => (
                  <li key={s.id}>
                    <p className="text-xs font-semibold text-slate-700">
                      {t(`step.${s.kind}`)} · {s.by.name} · {formatDateTime(s.createdAt, locale)}
                    </p>
                    {s.body && <p className="whitespace-pre-wrap text-slate-900">{s.body}</p>}
                    {s.attachments.length > 0 && (
                      <ul className="mt-0.5 flex flex-wrap gap-x-3 text-xs" aria-label={t("files")}>
                        {s.attachments.map((a) => (
                          <li key={a.id}>
                            <a className="link break-all" href={`/api/attachments/${encodeURIComponent(a.id)}`}>
                              {a.fileName}
                            </a>
                          </li>
                        ))}
                      </ul>
                    )}
                  </li>
                ))}
              </ol>
            )}
            {state && c.version !== undefined && viewer?.answers && mayTake("ANSWER", state) && <AnswerForm commentId={c.id} version={c.version} />}
            {state && c.version !== undefined && decides && mayTake("CLOSE", state) && (
              <DecideForm commentId={c.id} version={c.version} canAskAgain={mayTake("ASK_AGAIN", state)} />
            )}
          </li>
        );
      })}
    </ul>
  );
}
