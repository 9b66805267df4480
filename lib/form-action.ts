// The one way a form writes (docs/architecture.md, "The path of a write"): a server action made by
// formAction() reads the posted form once, checks who is asking (signed in, off a temporary
// password, holding the named permission), hands the values to the domain's mutation (which parses
// them with zod, scopes the record in its query and writes in one transaction with its audit
// record), revalidates by one rule and opens the next page. The form gets back one FormState.
import "server-only";
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import type { Permission } from "@/lib/auth/permissions";
import type { SessionUser } from "@/lib/auth/roles";
import { requirePermission, requireSignedIn, requireUser } from "@/lib/auth/session";
import type { ActionResult } from "@/lib/errors";

/** A form as posted: text fields as strings, the fields listed as multiple (checkbox groups) as lists. */
export type FormValues = Record<string, string | string[]>;

/** What every form's action answers: the write's result and, where the form refills itself, what was typed. */
export interface FormState<T = undefined> {
  result?: ActionResult<T>;
  values?: FormValues;
}

/** The posted text fields (files and React's own `$…` fields left out); `multiple` names the repeated ones, always lists. */
export function readForm(formData: FormData, multiple: readonly string[] = []): FormValues {
  const out: FormValues = Object.fromEntries(multiple.map((name) => [name, []]));
  for (const [k, v] of formData.entries()) {
    if (typeof v !== "string" || k.startsWith("$")) continue;
    const prev = out[k];
    out[k] = multiple.includes(k) ? [...(Array.isArray(prev) ? prev : []), v] : v;
  }
  return out;
}

/**
 * A NUL character in a text field: PostgreSQL cannot store one (the write would fail as a server
 * error), and nobody types one. Refused next to the field before the mutation runs.
 */
export function nulRefusal(values: FormValues): ActionResult<never> | null {
  const bad = Object.entries(values).filter(([, v]) => (Array.isArray(v) ? v : [v]).some((one) => one.includes("\u0000")));
  if (bad.length === 0) return null;
  return { ok: false, error: "invalid", fieldErrors: Object.fromEntries(bad.map(([k]) => [k, ["validation.nulCharacter"]])) };
}

interface FormActionOptions<T> {
  /** The named permission (lib/auth/permissions.ts) the action needs; without it, any signed-in user (the mutation scopes the record). */
  permission?: Permission;
  /** Only the change-password form: signed in, temporary password or not. */
  onTemporaryPassword?: true;
  /** Fields posted once per ticked box. */
  multiple?: readonly string[];
  /** The domain's mutation: parses the values with zod, checks the record's scope, writes with its audit record. */
  write: (user: SessionUser, values: FormValues) => Promise<ActionResult<T>>;
  /**
   * Whether the write changed what pages show. By default: when it succeeded. Then the whole app is
   * revalidated (the board, the desk, the plan and campaign pages all show what a write changes).
   */
  revalidate?: (result: ActionResult<T>, values: FormValues) => boolean;
  /** The page to open after a successful write. */
  next?: (data: T | undefined, values: FormValues) => string;
  /** Whether the typed values go back to the form: always (a refilling form), on a refusal only, or never (passwords). */
  echo?: "always" | "onRefusal" | "never";
}

export function formAction<T = undefined>(options: FormActionOptions<T>) {
  const { permission, onTemporaryPassword, multiple, write, revalidate = (r) => r.ok, next, echo = "always" } = options;
  return async (_prev: FormState<T> | null | undefined, formData: FormData): Promise<FormState<T>> => {
    const user = permission ? await requirePermission(permission) : onTemporaryPassword ? await requireSignedIn() : await requireUser();
    const values = readForm(formData, multiple);
    const result: ActionResult<T> = nulRefusal(values) ?? (await write(user, values));
    if (revalidate(result, values)) revalidatePath("/", "layout");
    if (result.ok && next) redirect(next(result.data, values));
    const sendValues = echo === "always" || (echo === "onRefusal" && !result.ok);
    return sendValues ? { result, values } : { result };
  };
}
