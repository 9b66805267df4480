// What the users page lists, built from listUsers: one row a person, their place in words, the
// campaigns they lead by number, their contacts masked (the full numbers are on their own page only).
import type { Role } from "@/generated/prisma/enums";
import { maskEmail, maskMobile } from "@/lib/notify/contacts";

export interface UserRow {
  id: string;
  username: string;
  name: string;
  title: string;
  org: string;
  /** Masked (138****1234 · a***@x.cn). */
  contact: string;
  roles: Role[];
  campaigns: number[];
  disabled: boolean;
  /** Still on a temporary password (new, or reset by an admin). */
  mustChangePassword: boolean;
  version: number;
}

interface UserInput {
  id: string;
  username: string;
  name: string;
  title: string | null;
  disabled: boolean;
  mustChangePassword: boolean;
  version: number;
  mobile: string | null;
  email: string | null;
  org: { name: string };
  department: { name: string } | null;
  roles: { role: Role }[];
  leadOf: { campaign: { number: number } }[];
}

export function userRows(users: UserInput[]): UserRow[] {
  return users.map((u) => ({
    id: u.id,
    username: u.username,
    name: u.name,
    title: u.title ?? "",
    org: u.org.name + (u.department ? ` · ${u.department.name}` : ""),
    roles: u.roles.map((r) => r.role),
    campaigns: u.leadOf.map((l) => l.campaign.number).sort((a, b) => a - b),
    contact: [maskMobile(u.mobile), maskEmail(u.email)].filter(Boolean).join(" · "),
    disabled: u.disabled,
    mustChangePassword: u.mustChangePassword,
    version: u.version,
  }));
}
