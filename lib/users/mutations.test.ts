import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DB_KINDS, openTestDatabase, type TestDatabase } from "@/lib/testing/db";
import { sessionUser } from "@/lib/testing/users";
import { loadDemo } from "@/prisma/seed/demo";
import { setUserDisabled } from "./mutations";

describe.each(DB_KINDS)("setUserDisabled (%s)", (kind) => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await openTestDatabase(kind);
    await loadDemo(t.prisma, { password: "demo-pass-unit" });
  });
  afterAll(() => t.close());

  it("disables a user, ends their sessions (session version) and audits it; enabling works too", async () => {
    const admin = await sessionUser("admin");
    const target = await t.prisma.user.findUniqueOrThrow({ where: { username: "viewer" } });
    const result = await setUserDisabled(admin, { userId: target.id, version: String(target.version), disabled: "true" });
    expect(result).toEqual({ ok: true });
    const after = await t.prisma.user.findUniqueOrThrow({ where: { id: target.id } });
    expect(after).toMatchObject({ disabled: true, sessionVersion: target.sessionVersion + 1, version: target.version + 1 });
    const audit = await t.prisma.auditRecord.findFirstOrThrow({ orderBy: { id: "desc" } });
    expect(audit).toMatchObject({ action: "user.disable", entityId: target.id, actorId: admin.id });

    expect(await setUserDisabled(admin, { userId: target.id, version: String(after.version), disabled: "false" })).toEqual({ ok: true });
    expect((await t.prisma.user.findUniqueOrThrow({ where: { id: target.id } })).disabled).toBe(false);
  });

  it("refuses a stale version", async () => {
    const admin = await sessionUser("admin");
    const target = await t.prisma.user.findUniqueOrThrow({ where: { username: "lead9" } });
    expect(await setUserDisabled(admin, { userId: target.id, version: String(target.version), disabled: "true" })).toEqual({ ok: true });
    expect(await setUserDisabled(admin, { userId: target.id, version: String(target.version), disabled: "false" })).toMatchObject({ ok: false, error: "conflict" });
  });

  it("will not let an admin lock themselves out", async () => {
    const admin = await sessionUser("admin");
    const me = await t.prisma.user.findUniqueOrThrow({ where: { id: admin.id } });
    expect(await setUserDisabled(admin, { userId: me.id, version: String(me.version), disabled: "true" })).toEqual({ ok: false, error: "forbidden" });
  });

  it("cannot reach a user of another organisation", async () => {
    const admin = await sessionUser("admin");
    const county = await t.prisma.user.findUniqueOrThrow({ where: { username: "county" } });
    expect(await setUserDisabled(admin, { userId: county.id, version: String(county.version), disabled: "true" })).toEqual({ ok: false, error: "notFound" });
  });
});
