import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PrismaClient } from "@/generated/prisma/client";
import { installDatabase } from "@/lib/db";
import { DB_KINDS, openTestDatabase, type TestDatabase } from "@/lib/testing/db";
import { sessionUser as seededSessionUser } from "@/lib/testing/users";
import { loadDemo } from "@/prisma/seed/demo";
import { createSession, knownClient, openSessions, revokeAllSessions, revokeSession, sessionUser, type SessionTimeouts } from "./sessions";

const TIMEOUTS: SessionTimeouts = { maxHours: 12, idleMinutes: 120 };

describe.each(DB_KINDS)("server-side sessions (%s)", (kind) => {
  let t: TestDatabase;
  let lead: { id: string; sessionVersion: number };
  beforeAll(async () => {
    t = await openTestDatabase(kind);
    await loadDemo(t.prisma, { password: "demo-pass-unit" });
    lead = await t.prisma.user.findUniqueOrThrow({ where: { username: "lead1" }, select: { id: true, sessionVersion: true } });
  });
  afterAll(() => t.close());

  const open = () =>
    createSession({
      userId: lead.id,
      sessionVersion: lead.sessionVersion,
      address: "10.0.0.1",
      deviceId: "device-0000000000000000000",
      userAgent: "Mozilla/5.0 test",
    });
  const claims = (sid: string) => ({ uid: lead.id, sid, sv: lead.sessionVersion });
  const age = (sid: string, column: "createdAt" | "lastSeenAt", minutes: number) =>
    t.prisma.$executeRawUnsafe(`UPDATE "Session" SET "${column}" = "${column}" - interval '${minutes} minutes' WHERE "id" = $1`, sid);

  it("gives the same user, roles and towns as the user row does", async () => {
    const sid = await open();
    expect(await sessionUser(claims(sid), TIMEOUTS)).toEqual(await seededSessionUser("lead1"));
    const county = await t.prisma.user.findUniqueOrThrow({ where: { username: "county" }, select: { id: true, sessionVersion: true } });
    const countySid = await createSession({
      userId: county.id,
      sessionVersion: county.sessionVersion,
      address: "10.0.0.2",
      deviceId: "device-1111111111111111111",
      userAgent: null,
    });
    const user = await sessionUser({ uid: county.id, sid: countySid, sv: county.sessionVersion }, TIMEOUTS);
    expect(user).toEqual(await seededSessionUser("county"));
    expect(user?.orgIds.length).toBeGreaterThan(1);
  });

  it("asks the database once per request", async () => {
    const sid = await open();
    const counted = new PrismaClient({ adapter: t.connection.adapter, log: [{ emit: "event", level: "query" }] });
    let queries = 0;
    counted.$on("query", () => queries++);
    installDatabase({ connection: t.connection, prisma: counted });
    try {
      expect(await sessionUser(claims(sid), TIMEOUTS)).not.toBeNull();
      await age(sid, "lastSeenAt", 5);
      queries = 0;
      // Also when the session is noted as seen.
      expect(await sessionUser(claims(sid), TIMEOUTS)).not.toBeNull();
      expect(queries).toBe(1);
    } finally {
      installDatabase(t);
    }
  });

  it("ends a signed-out session at once, and only that one", async () => {
    const [a, b] = [await open(), await open()];
    await revokeSession(a);
    expect(await sessionUser(claims(a), TIMEOUTS)).toBeNull();
    expect(await sessionUser(claims(b), TIMEOUTS)).not.toBeNull();
    expect(await t.prisma.session.findUnique({ where: { id: a } })).toMatchObject({ revokedBy: "signOut" });
  });

  it("ends every session of the user with 'sign out everywhere'", async () => {
    const sids = [await open(), await open()];
    const other = await t.prisma.user.findUniqueOrThrow({ where: { username: "lead2" } });
    const theirs = await createSession({
      userId: other.id,
      sessionVersion: other.sessionVersion,
      address: "10.0.0.3",
      deviceId: "device-2222222222222222222",
      userAgent: null,
    });
    const ended = await t.prisma.$transaction((tx) => revokeAllSessions(tx, lead.id, "everywhere"));
    expect(ended).toBeGreaterThanOrEqual(2);
    for (const sid of sids) expect(await sessionUser(claims(sid), TIMEOUTS)).toBeNull();
    expect(await sessionUser({ uid: other.id, sid: theirs, sv: other.sessionVersion }, TIMEOUTS)).not.toBeNull();
    expect(await openSessions(lead.id, TIMEOUTS)).toEqual([]);
  });

  it("ends a session past the absolute timeout, however busy", async () => {
    const sid = await open();
    await age(sid, "createdAt", 12 * 60 + 1);
    expect(await sessionUser(claims(sid), TIMEOUTS)).toBeNull();
    expect(await sessionUser(claims(sid), { ...TIMEOUTS, maxHours: 13 })).not.toBeNull();
  });

  it("ends a session left idle past the idle timeout, and keeps an active one alive", async () => {
    const idle = await open();
    await age(idle, "lastSeenAt", 121);
    expect(await sessionUser(claims(idle), TIMEOUTS)).toBeNull();

    const busy = await open();
    await age(busy, "lastSeenAt", 100);
    await age(busy, "createdAt", 100);
    expect(await sessionUser(claims(busy), TIMEOUTS)).not.toBeNull();
    // That request counted as activity: 100 minutes later it is still 100 minutes from the last one.
    await age(busy, "lastSeenAt", 100);
    expect(await sessionUser(claims(busy), TIMEOUTS)).not.toBeNull();
  });

  it("notes a session as seen at most once a minute", async () => {
    const sid = await open();
    const seen = async () => (await t.prisma.session.findUniqueOrThrow({ where: { id: sid } })).lastSeenAt.getTime();
    await age(sid, "lastSeenAt", 0.5);
    const before = await seen();
    await sessionUser(claims(sid), TIMEOUTS);
    expect(await seen()).toBe(before);
    await age(sid, "lastSeenAt", 1.5);
    const older = await seen();
    await sessionUser(claims(sid), TIMEOUTS);
    expect(await seen()).toBeGreaterThan(older + 60_000);
  });

  it("ends every session when the user's session version moves on (new password, disabled, role lost), and stops listing them", async () => {
    const staff2 = await t.prisma.user.findUniqueOrThrow({ where: { username: "leader" } });
    const sid = await createSession({
      userId: staff2.id,
      sessionVersion: staff2.sessionVersion,
      address: "10.8.0.1",
      deviceId: "device-leader-00000000000000",
      userAgent: null,
    });
    expect(await openSessions(staff2.id, TIMEOUTS)).toHaveLength(1);
    await t.prisma.user.update({ where: { id: staff2.id }, data: { sessionVersion: { increment: 1 } } });
    expect(await sessionUser({ uid: staff2.id, sid, sv: staff2.sessionVersion }, TIMEOUTS)).toBeNull();
    // A token minted with the new version does not revive a session opened under the old one.
    expect(await sessionUser({ uid: staff2.id, sid, sv: staff2.sessionVersion + 1 }, TIMEOUTS)).toBeNull();
    expect(await openSessions(staff2.id, TIMEOUTS)).toEqual([]);
  });

  it("refuses claims that do not match: another user's session, an old session version, a disabled user, junk", async () => {
    const sid = await open();
    const other = await t.prisma.user.findUniqueOrThrow({ where: { username: "lead2" } });
    expect(await sessionUser({ uid: other.id, sid, sv: other.sessionVersion }, TIMEOUTS)).toBeNull();
    expect(await sessionUser({ ...claims(sid), sv: lead.sessionVersion - 1 }, TIMEOUTS)).toBeNull();
    for (const junk of [{}, { uid: lead.id }, { uid: lead.id, sid }, { uid: lead.id, sid: 5, sv: 1 }, { uid: lead.id, sid: "x\u0000y", sv: 1 }]) {
      expect(await sessionUser(junk, TIMEOUTS)).toBeNull();
    }
    const viewer = await t.prisma.user.findUniqueOrThrow({ where: { username: "viewer" } });
    const viewerSid = await createSession({
      userId: viewer.id,
      sessionVersion: viewer.sessionVersion,
      address: "10.0.0.4",
      deviceId: "device-3333333333333333333",
      userAgent: null,
    });
    await t.prisma.user.update({ where: { id: viewer.id }, data: { disabled: true } });
    expect(await sessionUser({ uid: viewer.id, sid: viewerSid, sv: viewer.sessionVersion }, TIMEOUTS)).toBeNull();
  });

  it("remembers the browsers and addresses an account signed in from, for 90 days", async () => {
    const staff = await t.prisma.user.findUniqueOrThrow({ where: { username: "staff" } });
    const sid = await createSession({
      userId: staff.id,
      sessionVersion: staff.sessionVersion,
      address: "10.7.0.1",
      deviceId: "device-staff-000000000000",
      userAgent: null,
    });
    await revokeSession(sid);
    expect(await knownClient(staff.id, "10.7.0.1", "device-staff-000000000000")).toEqual({ device: true, address: true });
    expect(await knownClient(staff.id, "10.7.0.2", "device-staff-000000000000")).toEqual({ device: true, address: false });
    expect(await knownClient(staff.id, "10.7.0.1", null)).toEqual({ device: false, address: true });
    expect(await knownClient(lead.id, "10.7.0.1", "device-staff-000000000000")).toEqual({ device: false, address: false });
    expect(await knownClient(null, "10.7.0.1", "device-staff-000000000000")).toEqual({ device: false, address: false });
    await age(sid, "createdAt", 91 * 24 * 60);
    expect(await knownClient(staff.id, "10.7.0.1", "device-staff-000000000000")).toEqual({ device: false, address: false });
  });
});
