"use server";
import { formAction } from "@/lib/form-action";
import { acknowledgeRed, markAllRead, markRead } from "./mutations";

/** 查看: marks the message read and opens what it is about. */
export const openNotificationAction = formAction({ write: markRead, echo: "never", next: (data) => data?.path ?? "/inbox" });

/** 标为已读 (stays on the inbox). */
export const markReadAction = formAction({ write: markRead, echo: "never" });

export const markAllReadAction = formAction({ write: (user) => markAllRead(user), echo: "never" });

export const acknowledgeRedAction = formAction({ permission: "comment", write: (user) => acknowledgeRed(user), echo: "never" });
