"use server";
import { revalidatePath } from "next/cache";
import { requireUser } from "@/lib/auth/session";
import { formAction } from "@/lib/form-action";
import { addComment, markCommentsSeen } from "./mutations";

/** 批示: the form is emptied once it is sent. */
export const addCommentAction = formAction({ permission: "comment", write: addComment, echo: "onRefusal" });

/** The desk's "seen" (not a form write: no audit record, nothing another page shows but the desk). */
export async function markCommentsSeenAction(): Promise<void> {
  const user = await requireUser();
  await markCommentsSeen(user);
  revalidatePath("/", "layout");
}
