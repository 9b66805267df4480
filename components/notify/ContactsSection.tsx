import { getTranslations } from "next-intl/server";
import type { SessionUser } from "@/lib/auth/roles";
import { configuredChannelNames, contactsForEdit } from "@/lib/notify/queries";
import { ContactsForm } from "./ContactsForm";

/** A person's contacts and channel choices, on their own account page and on an admin's user page; nothing for anyone else. */
export async function ContactsSection({ viewer, userId }: { viewer: SessionUser; userId: string }) {
  const [contacts, t] = await Promise.all([contactsForEdit(viewer, userId), getTranslations("contacts")]);
  if (!contacts) return null;
  return (
    <section className="card space-y-3 p-4 sm:p-6" aria-labelledby="contacts-heading">
      <h2 id="contacts-heading" className="text-lg font-semibold">
        {t("title")}
      </h2>
      <ContactsForm userId={userId} version={contacts.version} initial={contacts.contacts} configured={configuredChannelNames()} />
    </section>
  );
}
