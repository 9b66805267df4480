// Results of a write, as the forms show them: field errors keyed by field name (message keys in
// the catalogue, not words), or a conflict carrying what the other person saved meanwhile.
import type { z } from "zod";

export type FieldErrors = Record<string, string[]>;

export type ActionResult<T = undefined> =
  | { ok: true; data?: T; message?: string }
  | { ok: false; error: "invalid"; fieldErrors: FieldErrors }
  | { ok: false; error: "conflict"; current: Record<string, unknown> }
  | { ok: false; error: "notFound" | "forbidden" }
  /** The record is past the state in which it can be changed (e.g. a submitted report). */
  | { ok: false; error: "locked"; status: string };

export function invalid(error: z.ZodError): ActionResult<never> {
  const fieldErrors: FieldErrors = {};
  for (const issue of error.issues) {
    const key = issue.path.join(".") || "form";
    (fieldErrors[key] ??= []).push(issue.message);
  }
  return { ok: false, error: "invalid", fieldErrors };
}

/** Thrown inside a transaction to roll back what it wrote so far and answer with `result` instead. */
export class Refusal<T = undefined> extends Error {
  constructor(readonly result: ActionResult<T>) {
    super(result.ok ? "refused" : result.error);
  }
}

/** Runs a write (a transaction) and turns a Refusal thrown inside it into its answer. */
export async function refusable<T>(work: () => Promise<ActionResult<T>>): Promise<ActionResult<T>> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof Refusal) return error.result as ActionResult<T>;
    throw error;
  }
}
