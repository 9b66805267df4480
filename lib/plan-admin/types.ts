import type { ActionResult } from "@/lib/errors";

/** What every plan-admin write answers: the saved record's id, or why nothing was written. */
export type Saved = ActionResult<{ id: string }>;
