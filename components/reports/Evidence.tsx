"use client";
// 佐证材料: the files attached to a monthly report. Rendered inside the report form, so it has no
// form of its own: its buttons are type="button" and its file input has no name (the report's
// saves never carry files). Each file is its own request; the server decides what is allowed.
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useId, useState } from "react";
import { ConfirmDialog } from "@/components/ui/ConfirmDialog";
import { Notice } from "@/components/ui/Notice";
import { Section } from "@/components/ui/Section";
import { deleteAttachmentAction } from "@/lib/attachments/actions";
import { ACCEPT, MAX_FILE_BYTES, MAX_FILES_PER_REPORT } from "@/lib/attachments/rules";
import type { ReportAttachment } from "./types";

interface Props {
  /** null while the month has no saved draft yet. */
  reportId: string | null;
  /** Where each file is posted instead of the report's (a task's 销号 evidence), with its own wording. */
  target?: { uploadUrl: string; messages: "taskEvidence" };
  /** size and uploadedAt already formatted. */
  attachments: ReportAttachment[];
  canEdit: boolean;
}

interface Upload {
  key: string;
  name: string;
  state: "waiting" | "uploading" | "done" | "failed";
  /** A message key (validation.* or evidence.errors.*) when failed. */
  error?: string;
}

interface UploadAnswer {
  error?: string;
  fieldErrors?: Record<string, string[]>;
}

/** Sends one file; null when it was stored, otherwise the key of the message to show. */
async function send(url: string, ns: string, file: File): Promise<string | null> {
  const body = new FormData();
  body.append("file", file, file.name);
  let response: Response;
  try {
    response = await fetch(url, { method: "POST", body });
  } catch {
    return `${ns}.errors.network`;
  }
  if (response.ok) return null;
  const answer = (await response.json().catch(() => null)) as UploadAnswer | null;
  const key = answer?.fieldErrors?.file?.[0];
  if (key) return key;
  if (response.status === 401) return `${ns}.errors.signedOut`;
  if (response.status === 404) return `${ns}.errors.notFound`;
  if (response.status === 409) return `${ns}.errors.locked`;
  if (response.status === 413) return "validation.fileTooLarge";
  return `${ns}.errors.failed`;
}

export function Evidence({ reportId, attachments, canEdit, target }: Props) {
  const ns = target?.messages ?? "evidence";
  // client namespaces: evidence taskEvidence validation
  const t = useTranslations(ns);
  const uploadUrl = target ? target.uploadUrl : reportId ? `/api/reports/${encodeURIComponent(reportId)}/attachments` : null;
  const tAll = useTranslations();
  const router = useRouter();
  const id = useId();
  const inputId = `${id}-file`;
  const [uploads, setUploads] = useState<Upload[]>([]);
  const [busy, setBusy] = useState(false);
  const [deleting, setDeleting] = useState<string | null>(null);
  const [deleteError, setDeleteError] = useState<string | null>(null);

  const message = (key: string) => (tAll.has(key) ? tAll(key) : tAll(`${ns}.errors.failed`));
  const remaining = Math.max(0, MAX_FILES_PER_REPORT - attachments.length);
  const failed = uploads.some((u) => u.state === "failed");

  const setState = (key: string, state: Upload["state"], error?: string) => setUploads((list) => list.map((u) => (u.key === key ? { ...u, state, error } : u)));

  async function upload(event: React.ChangeEvent<HTMLInputElement>) {
    const input = event.currentTarget;
    const files = Array.from(input.files ?? []);
    input.value = ""; // the same file can be chosen again after a failure
    if (!uploadUrl || files.length === 0) return;
    const stamp = Date.now();
    const batch: Upload[] = files.map((f, i) => ({ key: `${stamp}-${i}`, name: f.name, state: "waiting" }));
    setUploads(batch);
    setDeleteError(null);
    setBusy(true);
    let stored = 0;
    for (const [i, file] of files.entries()) {
      const key = batch[i]?.key ?? "";
      // Refused here without sending it; the server checks again.
      if (file.size > MAX_FILE_BYTES) {
        setState(key, "failed", "validation.fileTooLarge");
        continue;
      }
      if (file.size === 0) {
        setState(key, "failed", "validation.fileEmpty");
        continue;
      }
      setState(key, "uploading");
      const error = await send(uploadUrl, ns, file);
      setState(key, error ? "failed" : "done", error ?? undefined);
      if (!error) stored += 1;
    }
    setBusy(false);
    if (stored > 0) router.refresh();
  }

  async function remove(file: ReportAttachment) {
    setDeleting(file.id);
    setDeleteError(null);
    try {
      const form = new FormData();
      form.set("id", file.id);
      const { result } = await deleteAttachmentAction(null, form);
      // Deleted: the action revalidated the page. Not found: already gone (or no longer ours); either way the list is out of date.
      if (result && !result.ok && result.error === "notFound") router.refresh();
      else if (result && !result.ok) setDeleteError(result.error === "locked" ? `${ns}.errors.locked` : `${ns}.errors.failed`);
    } catch {
      setDeleteError(`${ns}.errors.network`);
    } finally {
      setDeleting(null);
    }
  }

  return (
    <Section title={t("heading")} testId="evidence">
      {attachments.length === 0 ? (
        <p className="text-sm text-slate-600">{t("empty")}</p>
      ) : (
        <ul className="divide-y divide-slate-200" aria-label={t("listLabel")}>
          {attachments.map((a) => (
            <li key={a.id} className="flex flex-wrap items-center gap-x-3 gap-y-1 py-2" data-testid="evidence-item">
              <div className="min-w-0 flex-1">
                <a className="link font-medium break-all" href={`/api/attachments/${encodeURIComponent(a.id)}`}>
                  {a.fileName}
                </a>
                <p className="text-xs text-slate-500">
                  <span className="num">{a.size}</span> · {t("uploadedBy", { name: a.uploadedBy, time: a.uploadedAt })}
                </p>
              </div>
              {canEdit && (
                <ConfirmDialog
                  title={t("confirmDeleteTitle")}
                  body={<p>{t("confirmDelete", { name: a.fileName })}</p>}
                  confirmLabel={t("delete")}
                  cancelLabel={t("keep")}
                  danger
                  onConfirm={() => remove(a)}
                  className="btn-secondary"
                  disabled={deleting !== null || busy}
                  label={
                    <>
                      {deleting === a.id ? t("deleting") : t("delete")}
                      <span className="sr-only"> {a.fileName}</span>
                    </>
                  }
                />
              )}
            </li>
          ))}
        </ul>
      )}

      {canEdit && <div aria-live="polite">{deleteError && <Notice tone="error">{message(deleteError)}</Notice>}</div>}

      {canEdit && !uploadUrl && (
        <p className="rounded-md border border-slate-200 bg-slate-50 p-3 text-sm text-slate-700" data-testid="evidence-save-first">
          {t("saveFirst")}
        </p>
      )}

      {canEdit && uploadUrl && (
        <div>
          <label htmlFor={inputId} className="label">
            {t("add")}
          </label>
          <input
            id={inputId}
            type="file"
            multiple
            accept={ACCEPT}
            onChange={upload}
            disabled={busy || remaining === 0}
            aria-describedby={`${inputId}-hint ${inputId}-status`}
            aria-invalid={failed || undefined}
            className="block w-full text-sm text-slate-700 file:mr-3 file:min-h-10 file:rounded-md file:border file:border-slate-300 file:bg-white file:px-4 file:text-sm file:font-medium file:text-slate-800 hover:file:bg-slate-100 disabled:opacity-60"
          />
          <p id={`${inputId}-hint`} className="mt-1 text-xs text-slate-500">
            {remaining === 0 ? t("full", { max: MAX_FILES_PER_REPORT }) : t("hint", { max: MAX_FILES_PER_REPORT, remaining })}
          </p>
          <div id={`${inputId}-status`} aria-live="polite">
            {uploads.length > 0 && (
              <ul className="mt-2 space-y-1 text-sm" aria-label={t("progressLabel")}>
                {uploads.map((u) => (
                  <li key={u.key} data-testid="evidence-upload" data-state={u.state}>
                    <span className="break-all">{u.name}</span>
                    {t("separator")}
                    {u.state === "failed" ? (
                      <span className="field-error inline">{message(u.error ?? `${ns}.errors.failed`)}</span>
                    ) : (
                      <span className="text-slate-600">{t(`state.${u.state}`)}</span>
                    )}
                  </li>
                ))}
              </ul>
            )}
          </div>
        </div>
      )}
    </Section>
  );
}
