import { describe, expect, it } from "vitest";
import { verifyPassword } from "@/lib/auth/password";
import { throttleKey } from "@/lib/auth/throttle";
import { DB_KINDS, useTestDatabase } from "@/lib/testing/db";
import { sessionUser } from "@/lib/testing/users";
import { createUser } from "./mutations";
import { changeOwnPassword, resetPassword } from "./passwords";

const FIRST = "gentle-ripple-7-orbit";
const CHOSEN = "quiet-lantern-42-harbour";

describe.each(DB_KINDS)("passwords (%s)", (kind) => {
  const t = useTestDatabase(kind, "demo");

  const audits = () => t.prisma.auditRecord.count();
  const stored = (username: string) => t.prisma.user.findUniqueOrThrow({ where: { username } });
  async function newUser(username: string) {
    const admin = await sessionUser("admin");
    expect(
      await createUser(admin, { username, name: `用户${username}`, orgId: admin.orgId, roles: ["VIEWER"], passwordMode: "typed", password: FIRST }),
    ).toMatchObject({ ok: true });
    return stored(username);
  }

  describe("resetPassword", () => {
    it("sets a typed temporary password that must be changed, ends the sessions, one audit record without the password", async () => {
      const admin = await sessionUser("admin");
      const target = await stored("lead5");
      const before = await audits();
      expect(await resetPassword(admin, { userId: target.id, passwordMode: "typed", password: CHOSEN })).toEqual({ ok: true, data: { password: undefined } });
      const after = await stored("lead5");
      expect(after).toMatchObject({ mustChangePassword: true, sessionVersion: target.sessionVersion + 1, version: target.version + 1 });
      expect(await verifyPassword(after.passwordHash, CHOSEN)).toBe(true);
      expect(await verifyPassword(after.passwordHash, "demo-pass-unit")).toBe(false);
      expect(await audits()).toBe(before + 1);
      const audit = await t.prisma.auditRecord.findFirstOrThrow({ orderBy: { id: "desc" } });
      expect(audit).toMatchObject({ action: "user.resetPassword", entityId: target.id, actorId: admin.id });
      expect(JSON.stringify([audit.oldValues, audit.newValues])).not.toContain(CHOSEN);
    });

    it("generates one when asked, returns it once, and unlocks an account locked by failed sign-ins", async () => {
      const admin = await sessionUser("admin");
      const target = await stored("lead6");
      const locked = { failures: 30, lockedUntil: new Date(Date.now() + 600_000) };
      for (const k of [throttleKey.account("lead6"), throttleKey.pair("Lead6", "203.0.113.9")]) {
        await t.prisma.loginThrottle.create({ data: { key: k.key, username: k.username, address: k.address, ...locked } });
      }
      await t.prisma.loginThrottle.create({ data: { key: throttleKey.account("lead7").key, username: "lead7", ...locked } });
      const result = await resetPassword(admin, { userId: target.id, passwordMode: "generated" });
      const password = result.ok ? (result.data?.password ?? "") : "";
      expect(password).toMatch(/^\w{4}-\w{4}-\w{4}$/);
      expect(await verifyPassword((await stored("lead6")).passwordHash, password)).toBe(true);
      expect(await t.prisma.loginThrottle.count({ where: { username: "lead6" } })).toBe(0);
      expect(await t.prisma.loginThrottle.count({ where: { username: "lead7" } })).toBe(1);
    });

    it("enforces the password rules on the server and writes nothing when they fail", async () => {
      const admin = await sessionUser("admin");
      const target = await stored("lead7");
      const before = await audits();
      for (const [password, problem] of [
        ["12345678", "password.common"],
        ["lead7", "password.tooShort"],
        ["LEAD7lead7", "password.weak"],
      ]) {
        expect(await resetPassword(admin, { userId: target.id, passwordMode: "typed", password })).toEqual({
          ok: false,
          error: "invalid",
          fieldErrors: { password: [problem] },
        });
      }
      expect(await stored("lead7")).toMatchObject({ passwordHash: target.passwordHash, mustChangePassword: false, version: target.version });
      expect(await audits()).toBe(before);
    });

    it("is not for one's own account, nor for a user of another organisation", async () => {
      const admin = await sessionUser("admin");
      const county = await stored("county");
      expect(await resetPassword(admin, { userId: admin.id, passwordMode: "generated" })).toEqual({ ok: false, error: "forbidden" });
      expect(await resetPassword(admin, { userId: county.id, passwordMode: "generated" })).toEqual({ ok: false, error: "notFound" });
      expect((await stored("county")).passwordHash).toBe(county.passwordHash);
    });
  });

  describe("changeOwnPassword", () => {
    it("replaces a temporary password: the flag clears, the new one verifies, other sessions end, one audit record", async () => {
      await newUser("firstlogin");
      const me = await sessionUser("firstlogin");
      expect(me.mustChangePassword).toBe(true);
      const before = await stored("firstlogin");
      const count = await audits();
      expect(await changeOwnPassword(me, { current: FIRST, next: CHOSEN, confirm: CHOSEN })).toEqual({ ok: true });
      const after = await stored("firstlogin");
      expect(after).toMatchObject({ mustChangePassword: false, sessionVersion: before.sessionVersion + 1 });
      expect(await verifyPassword(after.passwordHash, CHOSEN)).toBe(true);
      expect(await audits()).toBe(count + 1);
      const audit = await t.prisma.auditRecord.findFirstOrThrow({ orderBy: { id: "desc" } });
      expect(audit).toMatchObject({ action: "user.changePassword", entityId: after.id, actorId: after.id });
      expect(JSON.stringify([audit.oldValues, audit.newValues])).not.toContain(CHOSEN);
    });

    it.each([
      ["a wrong current password", { current: "not-my-password" }, { current: ["password.currentWrong"] }],
      ["a common new password", { next: "qwertyui", confirm: "qwertyui" }, { next: ["password.common"] }],
      ["the username", { next: "changer1", confirm: "changer1" }, { next: ["password.sameAsUsername"] }],
      ["the current password again", { next: FIRST, confirm: FIRST }, { next: ["password.sameAsCurrent"] }],
      ["a confirmation that differs", { confirm: `${CHOSEN}!` }, { confirm: ["password.mismatch"] }],
      ["nothing", { current: "", next: "", confirm: "" }, { current: ["password.required"], next: ["password.required"] }],
    ])("refuses %s and writes nothing", async (_what, change, fieldErrors) => {
      const target = (await t.prisma.user.findUnique({ where: { username: "changer1" } })) ?? (await newUser("changer1"));
      const me = await sessionUser("changer1");
      const count = await audits();
      expect(await changeOwnPassword(me, { current: FIRST, next: CHOSEN, confirm: CHOSEN, ...change })).toEqual({ ok: false, error: "invalid", fieldErrors });
      expect(await stored("changer1")).toMatchObject({ passwordHash: target.passwordHash, mustChangePassword: true, sessionVersion: target.sessionVersion });
      expect(await audits()).toBe(count);
    });

    it("counts wrong current passwords towards the sign-in lock", async () => {
      await newUser("guesser");
      const me = await sessionUser("guesser");
      for (let i = 0; i < 8; i++) await changeOwnPassword(me, { current: `guess-${i}`, next: CHOSEN, confirm: CHOSEN });
      expect(await changeOwnPassword(me, { current: FIRST, next: CHOSEN, confirm: CHOSEN })).toEqual({
        ok: false,
        error: "invalid",
        fieldErrors: { current: ["password.locked"] },
      });
      expect((await stored("guesser")).mustChangePassword).toBe(true);
    });
  });
});
