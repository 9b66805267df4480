import "server-only";
// Applying an import: the dry run again, inside one transaction, and its changes written all or
// nothing. The confirm carries the stored file's key and sha256 and the dry run's fingerprint;
// the file is read and parsed again, and a fingerprint that no longer matches (the plan changed
// in any way since the dry run) refuses the import. Updates also check each row's version.
//
// Audit: like the plan rollover (lib/plans/rollover/mutation.ts), one record for the whole import
// on the plan: the file (kept in storage under its key, with its sha256), counts, the rows created
// (by their natural keys) and, for every updated row, each changed field's old and new value. One
// record per row would be hundreds of chained appends for a first import, each taking the audit
// lock, for rows whose content is the stored file's. An import that changes nothing writes nothing,
// the audit record included.
import { Prisma } from "@/generated/prisma/client";
import { audit } from "@/lib/audit/record";
import type { SessionUser } from "@/lib/auth/roles";
import { db, WRITE_TX } from "@/lib/db";
import type { ActionResult } from "@/lib/errors";
import { importTown, loadImportContext } from "./context";
import { auditValues } from "./apply-audit";
import { StaleRow, writeChanges } from "./apply-writes";
import { Refusal } from "@/lib/errors";
import { diffImport, type Change } from "./diff";
import { readImportFile } from "./files";
import { confirmSchema } from "./schemas";

export interface Applied {
  planId: string;
  created: number;
  updated: number;
}

/**
 * A write's limits, with room for a first import of a whole plan (hundreds of rows, each its own
 * insert because tasks need their parents' ids): all or nothing matters more here than speed.
 */
const IMPORT_TX = { ...WRITE_TX, timeout: 120_000 } as const;

const fileError = (key: string): ActionResult<never> => ({ ok: false, error: "invalid", fieldErrors: { file: [key] } });

export async function applyImport(user: SessionUser, raw: unknown): Promise<ActionResult<Applied>> {
  const parsedInput = confirmSchema.safeParse(raw);
  if (!parsedInput.success) return fileError("planImport.fileGone");
  const input = parsedInput.data;
  const file = await readImportFile(input.storageKey, input.sha256);
  if (!file.ok) return fileError(file.problem === "gone" ? "planImport.fileGone" : "planImport.hasErrors");
  const workbook = file.workbook;

  try {
    return await db().$transaction(async (tx): Promise<ActionResult<Applied>> => {
      const town = await importTown(tx, user);
      if (!town) return { ok: false, error: "notFound" };
      // Imports into one plan, and edits that lock it, happen one after another.
      if (workbook.plan) {
        await tx.$queryRaw`SELECT "id" FROM "Plan" WHERE "orgId" = ${town.id} AND "year" = ${workbook.plan.year} AND "title" = ${workbook.plan.title} FOR UPDATE`;
      }
      const context = await loadImportContext(tx, user, workbook.plan);
      if (!context) return { ok: false, error: "notFound" };
      const dry = diffImport(workbook, context);
      if (dry.errors.length > 0 || !dry.plan) return fileError("planImport.hasErrors");
      if (dry.fingerprint !== input.fingerprint) return { ok: false, error: "conflict", current: { fingerprint: dry.fingerprint } };
      const { campaigns, indicators, tasks } = dry.changes;
      if (!dry.changes.plan && campaigns.length + indicators.length + tasks.length === 0) {
        return { ok: true, data: { planId: dry.plan.id ?? "", created: 0, updated: 0 } };
      }
      const planId = await writeChanges(tx, user, context, dry, dry.plan);
      const all: Change<unknown>[] = [...(dry.changes.plan ? [dry.changes.plan] : []), ...campaigns, ...indicators, ...tasks];
      const created = all.filter((c) => c.id === null).length;
      await audit(tx, {
        actor: user,
        action: "plan.import",
        entityType: "Plan",
        entityId: planId,
        orgId: context.orgId,
        ...auditValues(context, dry, { fileName: input.fileName, storageKey: input.storageKey, sha256: input.sha256 }),
      });
      return { ok: true, data: { planId, created, updated: all.length - created } };
    }, IMPORT_TX);
  } catch (error) {
    // A row changed between reading and writing, or another import created the same plan first.
    if (error instanceof StaleRow) return { ok: false, error: "conflict", current: {} };
    // A change of the plan the import may not make (one already waiting for a leader's approval).
    if (error instanceof Refusal) return error.result as ActionResult<Applied>;
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") return { ok: false, error: "conflict", current: {} };
    throw error;
  }
}
