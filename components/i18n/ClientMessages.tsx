// The messages a page's client components display, and no more: the root layout sends only what
// every page needs (lib/i18n/client-namespaces.ts), so the catalogue (55 KB) is not inlined into
// every page. lib/i18n/client-namespaces.test.ts follows each page's imports and fails when a client
// component under it asks for a namespace its <ClientMessages> does not list.
import { NextIntlClientProvider } from "next-intl";
import { getMessages } from "next-intl/server";
import { pickMessages, ROOT_NAMESPACES } from "@/lib/i18n/client-namespaces";

export async function ClientMessages({ namespaces, children }: { namespaces: readonly string[]; children: React.ReactNode }) {
  const messages = await getMessages();
  return <NextIntlClientProvider messages={pickMessages(messages, [...ROOT_NAMESPACES, ...namespaces])}>{children}</NextIntlClientProvider>;
}
