import "server-only";
// Uploaded plan workbooks are kept in storage (kind "imports") between the dry run and the confirm,
// and after an import as the file its audit record names. Read back only by their key and sha256,
// from whichever instance the confirm reaches (the storage is shared by every instance).
import { readVerifiedFile, storeFile, type StoredFile } from "@/lib/storage/files";
import { MAX_IMPORT_BYTES } from "./format";
import { checkWorkbookFile, parseWorkbook, type FileProblem } from "./parse";
import type { ParsedWorkbook } from "./types";

export type ImportFileResult = { ok: true; workbook: ParsedWorkbook } | { ok: false; problem: FileProblem | "gone" };

/** Checks an upload (size, zip, type) and keeps it; the problem instead when it is no workbook. */
export async function storeImportFile(data: Uint8Array): Promise<{ ok: true; stored: StoredFile } | { ok: false; problem: FileProblem }> {
  const problem = await checkWorkbookFile(data);
  if (problem) return { ok: false, problem };
  return { ok: true, stored: await storeFile(data, "imports") };
}

/**
 * The stored upload, parsed; "gone" when it is missing or no longer has that sha256. A store that
 * cannot be reached is an error, not "gone": uploading again would not help.
 */
export async function readImportFile(storageKey: string, sha256: string): Promise<ImportFileResult> {
  const file = await readVerifiedFile(storageKey, { sha256, maxBytes: MAX_IMPORT_BYTES });
  if (!file.ok) return { ok: false, problem: "gone" };
  const parsed = await parseWorkbook(file.data);
  return parsed.ok ? { ok: true, workbook: parsed.workbook } : parsed;
}
