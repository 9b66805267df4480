// Departments by name and people by username or name, among the town's own. As in the plan forms
// (lib/plans, lib/campaigns, lib/indicators, lib/tasks), a leading official holds the LEADER role and a lead the LEAD role, and a
// disabled account cannot be newly assigned; whoever already holds a place keeps it (so exporting
// and re-importing a plan whose lead has since left changes nothing).
import type { Role } from "@/generated/prisma/enums";
import { LIST_SEPARATORS } from "./cells";
import type { DepartmentRef, Person } from "./model";
import type { ErrorKey, ErrorValues } from "./types";

export type Resolved = { ok: true; id: string } | { ok: false; key: ErrorKey; values: ErrorValues };

export class Directory {
  private readonly departments: Map<string, string>;
  private readonly byUsername: Map<string, Person>;
  private readonly byName: Map<string, Person[]>;

  constructor(departments: DepartmentRef[], people: Person[]) {
    this.departments = new Map(departments.map((d) => [d.name, d.id]));
    this.byUsername = new Map(people.map((p) => [p.username.toLowerCase(), p]));
    this.byName = new Map();
    for (const p of people) this.byName.set(p.name, [...(this.byName.get(p.name) ?? []), p]);
  }

  department(name: string): Resolved {
    const id = this.departments.get(name);
    return id ? { ok: true, id } : { ok: false, key: "unknownDepartment", values: { name } };
  }

  /** `current`: who holds the place now (they may stay); `role`: what a newcomer must hold. */
  person(token: string, current: readonly string[] = [], role?: Extract<Role, "LEADER" | "LEAD">): Resolved {
    const named = this.byName.get(token) ?? [];
    const person = this.byUsername.get(token.toLowerCase()) ?? (named.length === 1 ? named[0] : undefined);
    if (!person) return { ok: false, key: named.length > 1 ? "ambiguousPerson" : "unknownPerson", values: { name: token } };
    if (current.includes(person.id)) return { ok: true, id: person.id };
    if (person.disabled) return { ok: false, key: "disabledPerson", values: { name: token } };
    if (role && !person.roles.includes(role)) return { ok: false, key: role === "LEADER" ? "notLeader" : "notLead", values: { name: token } };
    return { ok: true, id: person.id };
  }
}

/**
 * How the export names a person: by name when that finds exactly them (no other account has the
 * name, or it as a username, and it would not split in a list), else by username.
 */
export function personLabel(people: Person[], id: string | null): string | null {
  if (id === null) return null;
  const person = people.find((p) => p.id === id);
  if (!person) return null;
  const sameName = people.filter((p) => p.name === person.name).length;
  const nameIsSomeonesUsername = people.some((p) => p.username.toLowerCase() === person.name.trim().toLowerCase());
  const readsBack = person.name === person.name.trim() && !LIST_SEPARATORS.test(person.name);
  return sameName === 1 && !nameIsSomeonesUsername && readsBack ? person.name : person.username;
}
