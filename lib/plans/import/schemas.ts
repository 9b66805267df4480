// What the confirm form posts: the stored upload (its key and sha256) and the dry run's fingerprint.
import { z } from "zod";

const hex64 = z.string().regex(/^[0-9a-f]{64}$/);

/** Only keys of uploaded imports: never another kind of stored file. */
export const importKey = z.string().regex(/^imports\/\d{4}\/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);

export const storedImportSchema = z.object({
  storageKey: importKey,
  sha256: hex64,
  fileName: z.string().max(200).default(""),
});

export const confirmSchema = storedImportSchema.extend({ fingerprint: hex64 });

export type StoredImport = z.infer<typeof storedImportSchema>;
