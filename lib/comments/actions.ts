"use server";
import { revalidatePath } from "next/cache";
import { requireUser } from "@/lib/auth/session";
import { formAction } from "@/lib/form-action";
import { decideInstruction } from "./instructions";
import { addComment, markCommentsSeen } from "./mutations";

/** 批示: the form is emptied once it is sent. */
export const addCommentAction = formAction({ permission: "comment", write: addComment, echo: "onRefusal" });

/** 办结, or 再次要求 with a note: the 批示's author or the campaign's 分管领导. */
export const decideInstructionAction = formAction({ permission: "comment", write: decideInstruction, echo: "onRefusal" });

/** The desk's "seen" (not a form write: no audit record, nothing another page shows but the desk). */
export async function markCommentsSeenAction(): Promise<void> {
  const user = await requireUser();
  await markCommentsSeen(user);
  revalidatePath("/", "layout");
}
