"use server";
import { revalidatePath } from "next/cache";
import { requirePermission, requireSignedIn } from "@/lib/auth/session";
import type { ActionResult } from "@/lib/errors";
import { createUser, editUser, setUserDisabled, type CreatedUser } from "./mutations";
import { changeOwnPassword, resetPassword } from "./passwords";

export interface UserFormState<T = undefined> {
  result?: ActionResult<T>;
}

const text = (formData: FormData, key: string) => {
  const v = formData.get(key);
  return typeof v === "string" ? v : undefined;
};
const list = (formData: FormData, key: string) => formData.getAll(key).filter((v): v is string => typeof v === "string");

/** The person fields, as both the create and the edit form post them. */
function profile(formData: FormData) {
  return {
    name: text(formData, "name"),
    title: text(formData, "title"),
    departmentId: text(formData, "departmentId"),
    roles: list(formData, "roles"),
    campaignIds: list(formData, "campaignIds"),
    isPrincipal: text(formData, "isPrincipal"),
  };
}

function revalidateUsers(userId?: string) {
  revalidatePath("/admin/users");
  if (userId) revalidatePath(`/admin/users/${userId}`);
}

export async function createUserAction(_prev: UserFormState<CreatedUser> | undefined, formData: FormData): Promise<UserFormState<CreatedUser>> {
  const admin = await requirePermission("administer");
  const result = await createUser(admin, {
    ...profile(formData),
    username: text(formData, "username"),
    orgId: text(formData, "orgId"),
    passwordMode: text(formData, "passwordMode"),
    password: text(formData, "password"),
  });
  if (result.ok) revalidateUsers();
  return { result };
}

export async function editUserAction(_prev: UserFormState<{ version: number }> | undefined, formData: FormData): Promise<UserFormState<{ version: number }>> {
  const admin = await requirePermission("administer");
  const userId = text(formData, "userId");
  const result = await editUser(admin, { ...profile(formData), userId, version: text(formData, "version") });
  if (result.ok) revalidateUsers(userId);
  return { result };
}

export async function resetPasswordAction(_prev: UserFormState<{ password?: string }> | undefined, formData: FormData): Promise<UserFormState<{ password?: string }>> {
  const admin = await requirePermission("administer");
  const userId = text(formData, "userId");
  const result = await resetPassword(admin, { userId, passwordMode: text(formData, "passwordMode"), password: text(formData, "password") });
  if (result.ok) revalidateUsers(userId);
  return { result };
}

export async function toggleUserDisabled(_prev: ActionResult | null, formData: FormData): Promise<ActionResult> {
  const admin = await requirePermission("administer");
  const userId = text(formData, "userId");
  const result = await setUserDisabled(admin, { userId, version: text(formData, "version"), disabled: text(formData, "disabled") });
  revalidateUsers(userId);
  return result;
}

/** Anyone signed in, on a temporary password or not: this is the way off one. */
export async function changePasswordAction(_prev: UserFormState | undefined, formData: FormData): Promise<UserFormState> {
  const user = await requireSignedIn();
  const result = await changeOwnPassword(user, { current: text(formData, "current"), next: text(formData, "next"), confirm: text(formData, "confirm") });
  return { result };
}
