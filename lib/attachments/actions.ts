"use server";
import { formAction } from "@/lib/form-action";
import { parseId } from "@/lib/validation/ids";
import { deleteAttachment } from "./mutations";

/** Removes one evidence file from a draft or returned report (a file out of scope: notFound; a submitted report: locked). */
export const deleteAttachmentAction = formAction({
  permission: "reportProgress",
  echo: "never",
  write: async (user, values) => {
    const id = parseId(typeof values.id === "string" ? values.id : "");
    return id ? deleteAttachment(user, id) : { ok: false, error: "notFound" };
  },
});
