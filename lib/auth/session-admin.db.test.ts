// "Sign out everywhere" and the admin's view of the sign-in limits, on both databases.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DB_KINDS, openTestDatabase, type TestDatabase } from "@/lib/testing/db";
import { sessionUser as seeded } from "@/lib/testing/users";
import { loadDemo } from "@/prisma/seed/demo";
import { endUserSessions, signOutEverywhere, userSessionsForAdmin } from "./session-mutations";
import { createSession, openSessions } from "./sessions";
import { chargeAttempt, throttleKey } from "./throttle";
import { clearRestriction, currentRestrictions } from "./throttle-admin";

describe.each(DB_KINDS)("ending sessions and lifting limits (%s)", (kind) => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await openTestDatabase(kind);
    await loadDemo(t.prisma, { password: "demo-pass-unit" });
    const county = await t.prisma.organization.findUniqueOrThrow({ where: { code: "haiyan" } });
    const town2 = await t.prisma.organization.create({ data: { kind: "TOWN", code: "town2", name: "通元镇", parentId: county.id } });
    await t.prisma.user.create({
      data: { username: "town2admin", name: "通元管理员", passwordHash: "-", orgId: town2.id, roles: { create: { role: "ADMIN", orgId: town2.id } } },
    });
  });
  afterAll(() => t.close());

  const idOf = async (username: string) => (await t.prisma.user.findUniqueOrThrow({ where: { username } })).id;
  const open = async (username: string) => {
    const user = await t.prisma.user.findUniqueOrThrow({ where: { username } });
    return createSession({
      userId: user.id,
      sessionVersion: user.sessionVersion,
      address: "10.0.0.1",
      deviceId: `device-${username}-00000000000000`,
      userAgent: null,
    });
  };
  const lastAudit = () => t.prisma.auditRecord.findFirstOrThrow({ orderBy: { id: "desc" } });

  it("signs a person out everywhere, with one audit record", async () => {
    await open("lead1");
    await open("lead1");
    const me = await seeded("lead1");
    expect(await signOutEverywhere(me)).toEqual({ ok: true, data: { ended: 2 } });
    expect(await openSessions(me.id)).toEqual([]);
    expect(await lastAudit()).toMatchObject({
      action: "session.revokeAll",
      entityType: "User",
      entityId: me.id,
      actorId: me.id,
      newValues: { sessionsEnded: 2, by: "self" },
    });
  });

  it("lets an admin sign someone in their town out everywhere, and no one else", async () => {
    await open("lead2");
    const admin = await seeded("admin");
    const lead2 = await idOf("lead2");
    expect(await userSessionsForAdmin(admin, lead2)).toHaveLength(1);
    expect(await endUserSessions(admin, { userId: lead2 })).toEqual({ ok: true, data: { ended: 1 } });
    expect(await openSessions(lead2)).toEqual([]);
    expect(await lastAudit()).toMatchObject({ action: "session.revokeAll", entityId: lead2, actorId: admin.id, newValues: { sessionsEnded: 1, by: "admin" } });

    await open("lead3");
    const audits = await t.prisma.auditRecord.count();
    const lead3 = await idOf("lead3");
    expect(await endUserSessions(await seeded("town2admin"), { userId: lead3 })).toEqual({ ok: false, error: "notFound" });
    expect(await userSessionsForAdmin(await seeded("town2admin"), lead3)).toBeNull();
    expect(await endUserSessions(await seeded("leader"), { userId: lead3 })).toEqual({ ok: false, error: "forbidden" });
    expect(await endUserSessions(admin, { userId: admin.id })).toEqual({ ok: false, error: "forbidden" });
    for (const junk of [undefined, "", "x\u0000", "../x"]) expect(await endUserSessions(admin, { userId: junk })).toEqual({ ok: false, error: "notFound" });
    expect(await openSessions(lead3)).toHaveLength(1);
    expect(await t.prisma.auditRecord.count()).toBe(audits);
  });

  it("shows an admin the limits that hold back their own people and any address, and lifts one with an audit record", async () => {
    const locked = { failures: 10, lockedUntil: new Date(Date.now() + 600_000) };
    for (const k of [
      throttleKey.pair("lead4", "203.0.113.5"),
      throttleKey.pair("town2admin", "203.0.113.5"),
      throttleKey.pair("made-up-name", "203.0.113.5"),
      throttleKey.address("203.0.113.5"),
    ]) {
      await t.prisma.loginThrottle.create({ data: { key: k.key, username: k.username, address: k.address, ...locked } });
    }
    // A count that slows nobody any more is not shown.
    await chargeAttempt([throttleKey.pair("lead5", "203.0.113.6")]);

    const admin = await seeded("admin");
    const shown = await currentRestrictions(admin);
    expect(shown.map((r) => r.key).sort()).toEqual(["address:203.0.113.5", "pair:lead4|203.0.113.5"]);
    expect(shown.find((r) => r.kind === "pair")).toMatchObject({ username: "lead4", name: expect.any(String) as string, address: "203.0.113.5", failures: 10 });
    expect((await currentRestrictions(await seeded("town2admin"))).map((r) => r.key).sort()).toEqual(["address:203.0.113.5", "pair:town2admin|203.0.113.5"]);
    expect(await currentRestrictions(await seeded("leader"))).toEqual([]);

    // Another town's admin cannot lift lead4's; nor can a leader; junk is not found.
    const audits = await t.prisma.auditRecord.count();
    expect(await clearRestriction(await seeded("town2admin"), { key: "pair:lead4|203.0.113.5" })).toEqual({ ok: false, error: "notFound" });
    expect(await clearRestriction(await seeded("leader"), { key: "pair:lead4|203.0.113.5" })).toEqual({ ok: false, error: "forbidden" });
    for (const key of [undefined, "", "nonsense", "pair:none|1.2.3.4", "x".repeat(400)])
      expect(await clearRestriction(admin, { key })).toEqual({ ok: false, error: "notFound" });
    expect(await t.prisma.auditRecord.count()).toBe(audits);

    expect(await clearRestriction(admin, { key: "pair:lead4|203.0.113.5" })).toEqual({ ok: true });
    expect(await t.prisma.loginThrottle.findUnique({ where: { key: "pair:lead4|203.0.113.5" } })).toBeNull();
    expect(await lastAudit()).toMatchObject({
      action: "signin.unlock",
      entityType: "LoginThrottle",
      entityId: "pair:lead4|203.0.113.5",
      actorId: admin.id,
      oldValues: { failures: 10, username: "lead4", address: "203.0.113.5" },
    });
    expect(await clearRestriction(admin, { key: "address:203.0.113.5" })).toEqual({ ok: true });
    expect((await currentRestrictions(admin)).map((r) => r.key)).toEqual([]);
  });
});
