"use client";
import type { ActionResult } from "@/lib/errors";
import { FormAlert } from "./form";
import { Notice } from "./Notice";

type Refusal = Exclude<ActionResult<unknown>, { ok: true }>["error"];

/**
 * What a write answered, above or below its form: the success message, or why nothing (or not all)
 * was saved. Field errors stand beside their fields; this says the form-level part. Someone else's
 * edit is a warning (the user decides what to keep), any other refusal an error.
 */
export function FormResult({
  result,
  saved,
  refused,
}: {
  result?: ActionResult<unknown> | null;
  /** Shown after a successful write; nothing when absent (the form moves on or shows the record). */
  saved?: React.ReactNode;
  /** The words for each refusal the form can meet; a refusal without words shows nothing. */
  refused: Partial<Record<Refusal, React.ReactNode>>;
}) {
  let message: React.ReactNode = null;
  if (result?.ok && saved) message = <Notice tone="success">{saved}</Notice>;
  else if (result && !result.ok && refused[result.error]) {
    const conflict = result.error === "conflict";
    message = (
      <Notice tone={conflict ? "warning" : "error"} role="alert" testId={conflict ? "conflict" : "form-alert"}>
        {refused[result.error]}
      </Notice>
    );
  }
  return <FormAlert>{message}</FormAlert>;
}
