import "server-only";
// The dry run of a stored upload against the user's town: nothing is written.
import type { SessionUser } from "@/lib/auth/roles";
import { db } from "@/lib/db";
import { loadImportContext } from "./context";
import { diffImport, type DryRun } from "./diff";
import { readImportFile } from "./files";
import type { FileProblem } from "./parse";
import { storedImportSchema } from "./schemas";

export type DryRunResult = { ok: true; dry: DryRun } | { ok: false; problem: FileProblem | "gone" | "notAllowed" };

export async function dryRunImport(user: SessionUser, raw: unknown): Promise<DryRunResult> {
  const input = storedImportSchema.safeParse(raw);
  if (!input.success) return { ok: false, problem: "gone" };
  const file = await readImportFile(input.data.storageKey, input.data.sha256);
  if (!file.ok) return file;
  const context = await loadImportContext(db(), user, file.workbook.plan);
  if (!context) return { ok: false, problem: "notAllowed" };
  return { ok: true, dry: diffImport(file.workbook, context) };
}
