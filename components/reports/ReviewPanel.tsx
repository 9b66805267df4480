"use client";
import { useTranslations } from "next-intl";
import { useActionState, useState } from "react";
import { Field } from "@/components/ui/Field";
import { preReviewReportAction, reviewReportAction, startCorrectionAction, withdrawReportAction } from "@/lib/reports/actions";
import { FormResult } from "@/components/ui/FormResult";

/**
 * A decision on a submitted report, with a reason when it goes back to its lead. Two stages: the
 * office's 初审 (pass to the leader, or return) and the leader's review (approve, or return).
 */
export function ReviewPanel({
  reportId,
  campaignId,
  version,
  stage,
}: {
  reportId: string;
  campaignId: string;
  version: number;
  stage: "preReview" | "review";
}) {
  const t = useTranslations("report");
  const [state, action, pending] = useActionState(stage === "preReview" ? preReviewReportAction : reviewReportAction, {});
  const [reason, setReason] = useState("");
  const result = state.result;
  const errors = result && !result.ok && result.error === "invalid" ? result.fieldErrors : {};
  const heading = stage === "preReview" ? t("preReviewHeading") : t("reviewHeading");
  return (
    <form action={action} className="card space-y-3 border-brand-200 p-4" aria-labelledby={`${stage}-heading`} noValidate>
      <h2 id={`${stage}-heading`} className="text-lg font-semibold">
        {heading}
      </h2>
      {stage === "preReview" && <p className="text-sm text-slate-600">{t("preReviewHint")}</p>}
      <input type="hidden" name="reportId" value={reportId} />
      <input type="hidden" name="campaignId" value={campaignId} />
      <input type="hidden" name="version" value={version} />
      <FormResult
        result={result}
        refused={{ conflict: t("reviewConflict"), locked: t("reviewConflict"), notFound: t("notAllowed"), forbidden: t("notAllowed") }}
      />
      <Field id="reason" label={t("returnReason")} hint={t("returnReasonHint")} errors={errors.reason}>
        {(aria) => <textarea {...aria} name="reason" rows={3} className="input py-2" value={reason} onChange={(e) => setReason(e.target.value)} />}
      </Field>
      <div className="flex flex-wrap gap-3">
        <button type="submit" name="decision" value={stage === "preReview" ? "pass" : "approve"} className="btn-primary" disabled={pending}>
          {stage === "preReview" ? t("preApprove") : t("approve")}
        </button>
        <button type="submit" name="decision" value="return" className="btn-secondary" disabled={pending}>
          {t("return")}
        </button>
      </div>
    </form>
  );
}

/** 撤回: the lead takes the submitted report back to a draft, before its review starts. */
export function WithdrawButton({ reportId, campaignId, version }: { reportId: string; campaignId: string; version: number }) {
  const t = useTranslations("report");
  const [state, action, pending] = useActionState(withdrawReportAction, {});
  return (
    <form action={action} className="flex flex-wrap items-center gap-3">
      <input type="hidden" name="reportId" value={reportId} />
      <input type="hidden" name="campaignId" value={campaignId} />
      <input type="hidden" name="version" value={version} />
      <button type="submit" className="btn-secondary" disabled={pending}>
        {t("withdraw")}
      </button>
      <span className="text-sm text-slate-600">{t("withdrawHint")}</span>
      <span aria-live="polite">{state.result && !state.result.ok && <span className="field-error">{t("withdrawRefused")}</span>}</span>
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
