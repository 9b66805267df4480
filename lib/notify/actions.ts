"use server";
import { formAction } from "@/lib/form-action";
import { contactsFromForm } from "./contacts";
import { updateContacts } from "./contacts-mutations";

/** A person's contacts: their own, or (an admin) a user's of their towns; the mutation scopes the record. */
export const updateContactsAction = formAction({
  multiple: ["notifyChannels"],
  // The form keeps what was typed itself; contacts are not echoed back.
  echo: "never",
  write: (user, v) => updateContacts(user, { ...contactsFromForm(v), userId: v.userId, version: v.version }),
});
