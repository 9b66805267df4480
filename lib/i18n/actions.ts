"use server";
import { cookies } from "next/headers";
import { z } from "zod";
import { LOCALE_COOKIE, locales } from "./config";

const schema = z.enum(locales);

/**
 * Switches the interface language; a preference, not a permission, so anyone may set it. Being
 * public, it is called with anything at all: whatever is not a form naming one of our locales is
 * ignored (no cookie, no error), never a crash.
 */
export async function setLocale(formData: unknown): Promise<void> {
  if (!(formData instanceof FormData)) return;
  const locale = schema.safeParse(formData.get("locale"));
  if (!locale.success) return;
  (await cookies()).set(LOCALE_COOKIE, locale.data, { path: "/", maxAge: 365 * 24 * 3600, sameSite: "lax", httpOnly: true });
}
