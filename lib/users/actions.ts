"use server";
// The user forms' server actions. Nothing typed is sent back: the forms carry passwords.
import { formAction, type FormValues } from "@/lib/form-action";
import { createUser, editUser, setUserDisabled } from "./mutations";
import { changeOwnPassword, resetPassword } from "./passwords";

/** Checkbox groups post one entry per ticked box (none ticked: an empty list). */
const multiple = ["roles", "campaignIds"];
const text = (v: FormValues, key: string) => (typeof v[key] === "string" ? v[key] : undefined);

/** The person fields, as both the create and the edit form post them. */
function profile(v: FormValues) {
  return {
    name: text(v, "name"),
    title: text(v, "title"),
    departmentId: text(v, "departmentId"),
    roles: v.roles,
    campaignIds: v.campaignIds,
    isPrincipal: text(v, "isPrincipal"),
  };
}

export const createUserAction = formAction({
  permission: "administer",
  multiple,
  echo: "never",
  write: (admin, v) =>
    createUser(admin, {
      ...profile(v),
      username: text(v, "username"),
      orgId: text(v, "orgId"),
      passwordMode: text(v, "passwordMode"),
      password: text(v, "password"),
    }),
});

export const editUserAction = formAction({
  permission: "administer",
  multiple,
  echo: "never",
  write: (admin, v) => editUser(admin, { ...profile(v), userId: text(v, "userId"), version: text(v, "version") }),
});

export const resetPasswordAction = formAction({
  permission: "administer",
  echo: "never",
  write: (admin, v) => resetPassword(admin, { userId: text(v, "userId"), passwordMode: text(v, "passwordMode"), password: text(v, "password") }),
});

/** The list shows the user's state afresh even after a refusal (e.g. someone else changed it). */
export const toggleUserDisabled = formAction({
  permission: "administer",
  echo: "never",
  revalidate: () => true,
  write: (admin, v) => setUserDisabled(admin, { userId: text(v, "userId"), version: text(v, "version"), disabled: text(v, "disabled") }),
});

/** Anyone signed in, on a temporary password or not: this is the way off one. */
export const changePasswordAction = formAction({
  onTemporaryPassword: true,
  echo: "never",
  revalidate: () => false,
  write: (user, v) => changeOwnPassword(user, { current: text(v, "current"), next: text(v, "next"), confirm: text(v, "confirm") }),
});
