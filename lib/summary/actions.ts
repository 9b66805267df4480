"use server";
// 核对存档: make an archived summary again and compare its checksum (a read; nothing is written).
import { z } from "zod";
import type { ActionResult } from "@/lib/errors";
import { formAction } from "@/lib/form-action";
import { verifyArchivedSummary, type Verified } from "./verify";

const input = z.object({ id: z.string().min(1).max(64).regex(/^[\w-]+$/) });

const verify = formAction({
  permission: "export",
  write: async (user, values) => {
    const parsed = input.safeParse(values);
    if (!parsed.success) return { ok: false, error: "notFound" };
    return verifyArchivedSummary(user, parsed.data.id);
  },
  revalidate: () => false,
  echo: "never",
});

/** The export page's 核对 button (which reads the result itself). */
export async function verifySummaryAction(_prev: ActionResult<Verified> | null, formData: FormData) {
  return (await verify(null, formData)).result as ActionResult<Verified>;
}
