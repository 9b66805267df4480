// npm run admin:create -- --username <name> --org <town name> [--org-code <code>] [--county <county name>]
// The first admin of a production database (which never gets demo users). The password comes
// from DUBAN_ADMIN_PASSWORD, so it never appears in the shell history.
import { parseArgs } from "node:util";
import { z } from "zod";
import { audit, SYSTEM_ACTOR } from "@/lib/audit/record";
import { hashPassword } from "@/lib/auth/password";
import { closeDatabase, db, rawSql } from "@/lib/db";
import { applyMigrations } from "@/lib/db/migrate";

const { values } = parseArgs({
  options: { username: { type: "string" }, org: { type: "string" }, "org-code": { type: "string" }, county: { type: "string" } },
});
const input = z
  .object({
    username: z.string({ error: "--username is required" }).regex(/^[a-z0-9_.-]{3,40}$/, "username: 3-40 lower-case letters, digits, _ . -"),
    org: z.string({ error: "--org is required: the town's name, e.g. 沈荡镇" }).min(1, "--org: the town's name, e.g. 沈荡镇"),
    orgCode: z.string().regex(/^[a-z0-9-]{2,40}$/, "--org-code: a short ascii code, e.g. shendang"),
    county: z.string().optional(),
    password: z.string({ error: "DUBAN_ADMIN_PASSWORD must be set, 12 characters or more" }).min(12, "DUBAN_ADMIN_PASSWORD must be set, 12 characters or more"),
  })
  .safeParse({
    username: values.username,
    org: values.org,
    orgCode: values["org-code"] ?? "town",
    county: values.county,
    password: process.env.DUBAN_ADMIN_PASSWORD,
  });

async function main() {
  if (!input.success) {
    console.error(input.error.issues.map((i) => i.message).join("\n"));
    process.exit(2);
  }
  const { username, org, orgCode, county, password } = input.data;
  await applyMigrations(rawSql());
  const passwordHash = await hashPassword(password);
  await db().$transaction(async (tx) => {
    const parent = county
      ? await tx.organization.upsert({ where: { code: `${orgCode}-county` }, update: {}, create: { kind: "COUNTY", code: `${orgCode}-county`, name: county } })
      : null;
    const town = await tx.organization.upsert({
      where: { code: orgCode },
      update: {},
      create: { kind: "TOWN", code: orgCode, name: org, parentId: parent?.id },
    });
    const user = await tx.user.create({
      data: { username, name: username, passwordHash, orgId: town.id, roles: { create: { role: "ADMIN", orgId: town.id } } },
    });
    await audit(tx, { actor: SYSTEM_ACTOR, action: "admin.bootstrap", entityType: "User", entityId: user.id, orgId: town.id, newValues: { username, org } });
  });
  console.log(`Created admin ${username} for ${org}.`);
  await closeDatabase();
}

main().catch((error: unknown) => {
  console.error((error as Error).message);
  process.exit(1);
});
