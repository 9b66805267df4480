// What the user administration forms post, parsed with zod. Messages are catalogue keys (users.*,
// password.*, validation.*), keyed by the form field they belong to.
import { z } from "zod";
import type { FieldErrorOptions } from "@/lib/errors";
import { ID_PATTERN, optionalRecordId, recordId } from "@/lib/validation/ids";
import { ROLES, USERNAME_PATTERN } from "./constants";

const id = recordId;
const version = z.coerce.number({ message: "validation.invalid" }).int().min(1);
const ids = z
  .array(id)
  .max(200)
  .default([])
  .transform((v) => [...new Set(v)]);

/** What an admin keeps about a person: the same on create and on edit. */
const profile = {
  name: z.string().trim().min(1, "users.nameRequired").max(40, "validation.tooLong"),
  title: z
    .string()
    .trim()
    .max(60, "validation.tooLong")
    .default("")
    .transform((v) => v || null),
  departmentId: optionalRecordId("users.departmentInvalid"),
  roles: z
    .array(z.enum(ROLES, { message: "users.rolesRequired" }))
    .min(1, "users.rolesRequired")
    .transform((v) => [...new Set(v)]),
  campaignIds: ids,
  /** 主要领导: a leader who reviews every campaign of the town (a ticked box posts "on"). */
  isPrincipal: z
    .string()
    .optional()
    .transform((v) => v === "on" || v === "true"),
};

/** Either the admin types the first password, or one is generated and shown to them once. */
const passwordChoice = {
  passwordMode: z.enum(["typed", "generated"], { message: "validation.invalid" }),
  password: z.string().max(256).default(""),
};

export const createUserSchema = z.object({
  username: z.string().trim().toLowerCase().regex(USERNAME_PATTERN, "users.usernameInvalid"),
  orgId: z.string({ message: "users.orgInvalid" }).regex(ID_PATTERN, "users.orgInvalid"),
  ...profile,
  ...passwordChoice,
});

export const editUserSchema = z.object({ userId: id, version, ...profile });

export const resetPasswordSchema = z.object({ userId: id, ...passwordChoice });

export const changePasswordSchema = z.object({
  current: z.string().min(1, "password.required").max(256),
  next: z.string().min(1, "password.required").max(256, "password.tooLong"),
  confirm: z.string().max(256),
});

export const setDisabledSchema = z.object({
  userId: id,
  version,
  disabled: z.enum(["true", "false"]).transform((v) => v === "true"),
});

/** Field errors keyed by the form field (the first path segment: "roles", not "roles.0"). */
export const byFormField: FieldErrorOptions = { field: (path) => String(path[0] ?? "form") };
