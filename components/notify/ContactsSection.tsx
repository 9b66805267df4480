import { getTranslations } from "next-intl/server";
import type { SessionUser } from "@/lib/auth/roles";
import { configuredChannelNames, contactsForEdit } from "@/lib/notify/queries";
import { Section } from "@/components/ui/Section";
import { ContactsForm } from "./ContactsForm";

/** A person's contacts and channel choices, on their own account page and on an admin's user page; nothing for anyone else. */
export async function ContactsSection({ viewer, userId }: { viewer: SessionUser; userId: string }) {
  const [contacts, t] = await Promise.all([contactsForEdit(viewer, userId), getTranslations("contacts")]);
  if (!contacts) return null;
  return (
    <Section title={t("title")} className="sm:p-6">
      <ContactsForm userId={userId} version={contacts.version} initial={contacts.contacts} configured={configuredChannelNames()} />
    </Section>
  );
}
