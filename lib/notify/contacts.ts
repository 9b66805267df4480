// A person's contacts and the channels that reach them: validation and masking (pure; used by forms,
// lists and exports).
import { z } from "zod";

/** The channels a person may choose; in-app is always on, the intranet webhook receives everything. */
export const CHOOSABLE_CHANNELS = ["EMAIL", "SMS", "DINGTALK", "WECOM"] as const;
export type ChoosableChannel = (typeof CHOOSABLE_CHANNELS)[number];

/** A mainland China mobile number: 11 digits starting 13–19 (a +86 or 86 prefix and spaces or dashes are dropped). */
export function normalizeMobile(raw: string): string {
  return raw.replace(/[\s-]/g, "").replace(/^(\+?86)(?=1\d{10}$)/, "");
}
export const MOBILE_RE = /^1[3-9]\d{9}$/;

const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, "contacts.tooLong")
    .transform((v) => (v === "" ? null : v));

export const contactsSchema = z
  .object({
    mobile: z
      .string()
      .trim()
      .transform(normalizeMobile)
      .refine((v) => v === "" || MOBILE_RE.test(v), "contacts.mobileInvalid")
      .transform((v) => (v === "" ? null : v)),
    email: z
      .string()
      .trim()
      .max(254, "contacts.tooLong")
      .refine((v) => v === "" || z.string().email().safeParse(v).success, "contacts.emailInvalid")
      .transform((v) => (v === "" ? null : v.toLowerCase())),
    dingtalkUserId: optionalText(64).refine((v) => v === null || /^[\w.@-]+$/.test(v), "contacts.idInvalid"),
    wecomUserId: optionalText(64).refine((v) => v === null || /^[\w.@-]+$/.test(v), "contacts.idInvalid"),
    notifyChannels: z.array(z.enum(CHOOSABLE_CHANNELS)).max(CHOOSABLE_CHANNELS.length).default([]),
  })
  .superRefine((c, ctx) => {
    // A channel chosen needs the contact it goes to.
    if (c.notifyChannels.includes("EMAIL") && !c.email) ctx.addIssue({ code: "custom", path: ["email"], message: "contacts.emailNeeded" });
    if (c.notifyChannels.includes("SMS") && !c.mobile) ctx.addIssue({ code: "custom", path: ["mobile"], message: "contacts.mobileNeeded" });
  })
  .transform((c) => ({ ...c, notifyChannels: [...new Set(c.notifyChannels)] }));

export type Contacts = z.output<typeof contactsSchema>;

/** The posted form (readForm) → the shape contactsSchema parses: an absent text field is an empty one. */
export function contactsFromForm(v: Record<string, string | string[]>): Record<string, unknown> {
  const text = (name: string) => (typeof v[name] === "string" ? v[name] : "");
  return {
    mobile: text("mobile"),
    email: text("email"),
    dingtalkUserId: text("dingtalkUserId"),
    wecomUserId: text("wecomUserId"),
    notifyChannels: v.notifyChannels ?? [],
  };
}

/** 13812341234 → 138****1234 (anything else: all but the last two characters hidden). */
export function maskMobile(mobile: string | null | undefined): string {
  if (!mobile) return "";
  if (MOBILE_RE.test(mobile)) return `${mobile.slice(0, 3)}****${mobile.slice(7)}`;
  return mobile.length <= 2 ? "*".repeat(mobile.length) : `${"*".repeat(mobile.length - 2)}${mobile.slice(-2)}`;
}

/** alice@x.cn → a***@x.cn */
export function maskEmail(email: string | null | undefined): string {
  if (!email) return "";
  const at = email.lastIndexOf("@");
  if (at <= 0) return "***";
  return `${email[0]}***${email.slice(at)}`;
}
