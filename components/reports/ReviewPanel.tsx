"use client";
import { useTranslations } from "next-intl";
import { useActionState, useState } from "react";
import { Field } from "@/components/ui/Field";
import { FormAlert } from "@/components/ui/form";
import { reviewReportAction, startCorrectionAction } from "@/lib/reports/actions";

/** Leadership: approve the submitted report, or return it to its lead with a reason. */
export function ReviewPanel({ reportId, campaignId, version }: { reportId: string; campaignId: string; version: number }) {
  const t = useTranslations("report");
  const [state, action, pending] = useActionState(reviewReportAction, {});
  const [reason, setReason] = useState("");
  const result = state.result;
  const errors = result && !result.ok && result.error === "invalid" ? result.fieldErrors : {};
  return (
    <form action={action} className="card space-y-3 border-brand-200 p-4" aria-labelledby="review-heading" noValidate>
      <h2 id="review-heading" className="text-lg font-semibold">
        {t("reviewHeading")}
      </h2>
      <input type="hidden" name="reportId" value={reportId} />
      <input type="hidden" name="campaignId" value={campaignId} />
      <input type="hidden" name="version" value={version} />
      <FormAlert>
        {result && !result.ok && result.error !== "invalid" && (
          <p role="alert" className="field-error">
            {result.error === "conflict" || result.error === "locked" ? t("reviewConflict") : t("notAllowed")}
          </p>
        )}
      </FormAlert>
      <Field id="reason" label={t("returnReason")} hint={t("returnReasonHint")} errors={errors.reason}>
        {(aria) => <textarea {...aria} name="reason" rows={3} className="input py-2" value={reason} onChange={(e) => setReason(e.target.value)} />}
      </Field>
      <div className="flex flex-wrap gap-3">
        <button type="submit" name="decision" value="approve" className="btn-primary" disabled={pending}>
          {t("approve")}
        </button>
        <button type="submit" name="decision" value="return" className="btn-secondary" disabled={pending}>
          {t("return")}
        </button>
      </div>
    </form>
  );
}

/** A lead corrects an approved report: a new revision starts as its copy. */
export function CorrectionButton({ reportId, campaignId }: { reportId: string; campaignId: string }) {
  const t = useTranslations("report");
  const [state, action, pending] = useActionState(startCorrectionAction, {});
  return (
    <form action={action} className="flex flex-wrap items-center gap-3">
      <input type="hidden" name="reportId" value={reportId} />
      <input type="hidden" name="campaignId" value={campaignId} />
      <button type="submit" className="btn-secondary" disabled={pending}>
        {t("startCorrection")}
      </button>
      <span className="text-sm text-slate-600">{t("correctionHint")}</span>
      <span aria-live="polite">{state.result && !state.result.ok && <span className="field-error">{t("reviewConflict")}</span>}</span>
    </form>
  );
}
