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

/** What a plan-keeping write (plan, campaign, indicator, task) answers: the saved record's id, or why nothing was written. */
export type Saved = ActionResult<{ id: string }>;

/** A message that is a catalogue key ("validation.required", "users.rolesRequired"), not zod's own words. */
const CATALOGUE_KEY = /^[a-z][A-Za-z]*(\.[A-Za-z0-9]+)+$/;

export interface FieldErrorOptions {
  /** The form field an issue belongs to; by default its whole path ("value.ind-1"), or "form". */
  field?: (path: readonly PropertyKey[]) => string;
  /** The message for an issue whose message is not a catalogue key. */
  fallback?: string;
}

/** The one converter from zod's issues to a form's field errors: keyed by field, each message once. */
export function fieldErrorsOf(error: z.ZodError, options: FieldErrorOptions = {}): FieldErrors {
  const out: FieldErrors = {};
  for (const issue of error.issues) {
    const key = options.field ? options.field(issue.path) : issue.path.map(String).join(".") || "form";
    const message = CATALOGUE_KEY.test(issue.message) ? issue.message : (options.fallback ?? "validation.invalid");
    const list = (out[key] ??= []);
    if (!list.includes(message)) list.push(message);
  }
  return out;
}

/** A write refused for its input. */
export function invalid(error: z.ZodError, options?: FieldErrorOptions): ActionResult<never> {
  return { ok: false, error: "invalid", fieldErrors: fieldErrorsOf(error, options) };
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
