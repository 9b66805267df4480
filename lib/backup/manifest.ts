// manifest.json, the first thing in a backup: what it holds and the sha256 of every part, so a
// restore can check the whole archive before it touches the database.
import { z } from "zod";

export const BACKUP_FORMAT = "duban-backup";
export const FORMAT_VERSION = 1;

/** A path below the files root: no empty, "." or ".." segment, no backslash, not absolute. */
export const safeRelativePath = z
  .string()
  .min(1)
  .refine((p) => !p.includes("\\") && !p.includes("\0") && p.split("/").every((s) => s !== "" && s !== "." && s !== ".."), {
    message: "not a safe relative path",
  });

const sha256 = z.string().regex(/^[0-9a-f]{64}$/);

export const manifestSchema = z.object({
  format: z.literal(BACKUP_FORMAT),
  formatVersion: z.literal(FORMAT_VERSION),
  appVersion: z.string(),
  createdAt: z.string(),
  database: z.enum(["embedded", "postgres"]),
  /** The migrations applied to the database backed up, in the order they are applied. */
  migrations: z.array(z.string().min(1)),
  tables: z.array(
    z.object({ name: z.string().regex(/^[A-Za-z_][A-Za-z0-9_]*$/), rows: z.number().int().nonnegative(), bytes: z.number().int().nonnegative(), sha256 }),
  ),
  files: z.array(z.object({ path: safeRelativePath, size: z.number().int().nonnegative(), sha256 })),
});

export type Manifest = z.infer<typeof manifestSchema>;

export const tableEntry = (table: string) => `tables/${table}.json`;
export const fileEntry = (relativePath: string) => `files/${relativePath}`;
