// Record ids as they arrive in URLs and forms. Ours are cuids ("cm3k…", 25 characters); accepting
// only the characters an id can have means junk (a NUL byte, which PostgreSQL refuses outright with
// an error, a path, a 10 kB string) is turned away here as "not found" instead of failing in the
// database as a 500.
import { z } from "zod";

export const ID_PATTERN = /^[A-Za-z0-9_-]{1,64}$/;

/** A record id in a form: hidden inputs mostly, so the message is the generic one. */
export const recordId = z.string({ message: "validation.invalid" }).regex(ID_PATTERN, "validation.invalid");

/** An id that may be left empty ("" → null), e.g. a select's "none" option. */
export const optionalRecordId = (message = "validation.invalid") =>
  z
    .string({ message })
    .regex(/^([A-Za-z0-9_-]{1,64})?$/, message)
    .optional()
    .transform((v) => v || null);

/** The id, or null when the value cannot be one of ours (the caller answers 404 or 400). */
export function parseId(value: unknown): string | null {
  return typeof value === "string" && ID_PATTERN.test(value) ? value : null;
}
