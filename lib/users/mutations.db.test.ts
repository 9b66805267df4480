import { describe, expect, it } from "vitest";
import { verifyPassword } from "@/lib/auth/password";
import { DB_KINDS, useTestDatabase } from "@/lib/testing/db";
import { sessionUser } from "@/lib/testing/users";
import { createUser, editUser, setUserDisabled } from "./mutations";
import { resetPassword } from "./passwords";
import { userForEdit, userFormChoices } from "./queries";
import { isUniqueViolation } from "@/lib/db/unique-violation";

const GOOD = "gentle-ripple-7-orbit";

describe.each(DB_KINDS)("user administration (%s)", (kind) => {
  const t = useTestDatabase(kind, "demo");

  const audits = () => t.prisma.auditRecord.count();
  const department = (name: string) => t.prisma.department.findFirstOrThrow({ where: { name } });
  const campaignIds = async (...numbers: number[]) =>
    (await t.prisma.campaign.findMany({ where: { number: { in: numbers } }, orderBy: { number: "asc" }, select: { id: true } })).map((c) => c.id);
  const stored = (username: string) => t.prisma.user.findUniqueOrThrow({ where: { username }, include: { roles: true, leadOf: true } });

  describe("setUserDisabled", () => {
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
      expect(await setUserDisabled(admin, { userId: target.id, version: String(target.version), disabled: "false" })).toMatchObject({
        ok: false,
        error: "conflict",
      });
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

  describe("createUser", () => {
    it("creates a user on a temporary password, with roles, department and campaigns led; one audit record", async () => {
      const admin = await sessionUser("admin");
      const dept = await department("综治办");
      const campaigns = await campaignIds(1, 2);
      const before = await audits();
      const result = await createUser(admin, {
        username: " NewLead ",
        name: "新牵头人",
        title: "综治办干事",
        orgId: admin.orgId,
        departmentId: dept.id,
        roles: ["LEAD", "VIEWER"],
        campaignIds: campaigns,
        passwordMode: "typed",
        password: GOOD,
      });
      expect(result).toMatchObject({ ok: true, data: { password: undefined } });
      const user = await stored("newlead");
      expect(user).toMatchObject({
        name: "新牵头人",
        title: "综治办干事",
        orgId: admin.orgId,
        departmentId: dept.id,
        mustChangePassword: true,
        disabled: false,
      });
      expect(user.roles.map((r) => r.role).sort()).toEqual(["LEAD", "VIEWER"]);
      expect(user.leadOf.map((l) => l.campaignId).sort()).toEqual([...campaigns].sort());
      expect(await verifyPassword(user.passwordHash, GOOD)).toBe(true);
      expect(await audits()).toBe(before + 1);
      const audit = await t.prisma.auditRecord.findFirstOrThrow({ orderBy: { id: "desc" } });
      expect(audit).toMatchObject({ action: "user.create", entityId: user.id, actorId: admin.id });
      expect(JSON.stringify(audit.newValues)).not.toContain(GOOD);
    });

    it("generates a password when asked, returns it this once, and it verifies", async () => {
      const admin = await sessionUser("admin");
      const result = await createUser(admin, { username: "genuser", name: "自动密码", orgId: admin.orgId, roles: ["VIEWER"], passwordMode: "generated" });
      expect(result.ok).toBe(true);
      const password = result.ok ? (result.data?.password ?? "") : "";
      expect(password).toMatch(/^\w{4}-\w{4}-\w{4}$/);
      const user = await stored("genuser");
      expect(user.mustChangePassword).toBe(true);
      expect(await verifyPassword(user.passwordHash, password)).toBe(true);
    });

    it.each([
      ["a common password", { password: "password" }, { password: ["password.common"] }],
      ["a short password", { password: "Xk7pQ2m" }, { password: ["password.tooShort"] }],
      ["the username as password", { username: "zhaoliu2018", password: "zhaoliu2018" }, { password: ["password.sameAsUsername"] }],
      ["a taken username", { username: "LEAD1" }, { username: ["users.usernameTaken"] }],
      ["a bad username", { username: "张三" }, { username: ["users.usernameInvalid"] }],
      ["no role", { roles: [] }, { roles: ["users.rolesRequired"] }],
      ["an unknown role", { roles: ["ROOT"] }, { roles: ["users.rolesRequired"] }],
      ["no name", { name: "  " }, { name: ["users.nameRequired"] }],
    ])("refuses %s, writing nothing", async (_what, change, fieldErrors) => {
      const admin = await sessionUser("admin");
      const before = await audits();
      const input = { username: "refused1", name: "被拒", orgId: admin.orgId, roles: ["STAFF"], passwordMode: "typed", password: GOOD, ...change };
      expect(await createUser(admin, input)).toEqual({ ok: false, error: "invalid", fieldErrors });
      expect(await t.prisma.user.count({ where: { name: "被拒" } })).toBe(0);
      expect(await audits()).toBe(before);
    });

    it("recognises the database's unique-index refusal, which decides when two admins race for a username", async () => {
      const lead1 = await stored("lead1");
      const error = await t.prisma.user.create({ data: { username: "lead1", name: "重名", passwordHash: lead1.passwordHash, orgId: lead1.orgId } }).then(
        () => null,
        (e: unknown) => e,
      );
      expect(isUniqueViolation(error)).toBe(true);
      expect(isUniqueViolation(new Error("connection lost"))).toBe(false);
    });

    it("refuses an organisation, a department or campaigns out of reach, and campaigns for someone who is not a lead", async () => {
      const admin = await sessionUser("admin");
      const county = await t.prisma.organization.findUniqueOrThrow({ where: { code: "haiyan" } });
      const base = { username: "placed1", name: "被拒", orgId: admin.orgId, roles: ["STAFF"], passwordMode: "typed", password: GOOD };
      expect(await createUser(admin, { ...base, orgId: county.id })).toMatchObject({ fieldErrors: { orgId: ["users.orgInvalid"] } });
      const foreign = await t.prisma.department.create({ data: { orgId: county.id, name: "县督查室" } });
      expect(await createUser(admin, { ...base, departmentId: foreign.id })).toMatchObject({ fieldErrors: { departmentId: ["users.departmentInvalid"] } });
      expect(await createUser(admin, { ...base, campaignIds: ["no-such-campaign"] })).toMatchObject({
        fieldErrors: { campaignIds: ["users.campaignsInvalid"] },
      });
      expect(await createUser(admin, { ...base, campaignIds: await campaignIds(3) })).toMatchObject({
        fieldErrors: { campaignIds: ["users.campaignsNeedLead"] },
      });
      expect(await t.prisma.user.count({ where: { name: "被拒" } })).toBe(0);
    });
  });

  describe("editUser", () => {
    it("changes name, title, department, roles and campaigns led; one audit record of what changed; losing a role ends the sessions", async () => {
      const admin = await sessionUser("admin");
      const target = await stored("lead2");
      const dept = await department("经济发展办");
      const campaigns = await campaignIds(4, 5);
      const before = await audits();
      const result = await editUser(admin, {
        userId: target.id,
        version: String(target.version),
        name: "杨勇（调整）",
        title: "经济发展办主任",
        departmentId: dept.id,
        roles: ["STAFF", "LEAD"],
        campaignIds: campaigns,
      });
      expect(result).toEqual({ ok: true, data: { version: target.version + 1 } });
      const after = await stored("lead2");
      expect(after).toMatchObject({
        name: "杨勇（调整）",
        title: "经济发展办主任",
        departmentId: dept.id,
        version: target.version + 1,
        sessionVersion: target.sessionVersion,
      });
      expect(after.roles.map((r) => r.role).sort()).toEqual(["LEAD", "STAFF"]);
      expect(after.leadOf.map((l) => l.campaignId).sort()).toEqual([...campaigns].sort());
      expect(await audits()).toBe(before + 1);
      const audit = await t.prisma.auditRecord.findFirstOrThrow({ orderBy: { id: "desc" } });
      expect(audit).toMatchObject({ action: "user.update", entityId: target.id, actorId: admin.id });
      expect(Object.keys(audit.newValues as object).sort()).toEqual(["campaignIds", "departmentId", "name", "roles", "title"]);

      // Dropping LEAD (and the campaigns with it) is a demotion: their sessions end.
      expect(await editUser(admin, { userId: target.id, version: String(after.version), name: after.name, roles: ["STAFF"], campaignIds: [] })).toMatchObject({
        ok: true,
      });
      const demoted = await stored("lead2");
      expect(demoted).toMatchObject({ sessionVersion: target.sessionVersion + 1, departmentId: null, title: null });
      expect(demoted.leadOf).toEqual([]);
    });

    it("refuses a stale version and overwrites nothing", async () => {
      const admin = await sessionUser("admin");
      const target = await stored("lead3");
      const edit = (name: string) =>
        editUser(admin, { userId: target.id, version: String(target.version), name, roles: ["LEAD"], campaignIds: target.leadOf.map((l) => l.campaignId) });
      expect(await edit("第一位管理员的修改")).toMatchObject({ ok: true });
      const before = await audits();
      expect(await edit("第二位管理员的修改")).toMatchObject({ ok: false, error: "conflict", current: { name: "第一位管理员的修改" } });
      expect((await stored("lead3")).name).toBe("第一位管理员的修改");
      expect(await audits()).toBe(before);
    });

    it("will not let an admin remove their own ADMIN role (the last admin cannot lock everyone out)", async () => {
      const admin = await sessionUser("admin");
      const me = await stored("admin");
      const before = await audits();
      expect(await editUser(admin, { userId: me.id, version: String(me.version), name: me.name, roles: ["STAFF"] })).toEqual({
        ok: false,
        error: "invalid",
        fieldErrors: { roles: ["users.keepOwnAdmin"] },
      });
      const after = await stored("admin");
      expect(after.roles.map((r) => r.role)).toEqual(["ADMIN"]);
      expect(after.version).toBe(me.version);
      expect(await audits()).toBe(before);
      // Adding a role to oneself is fine, and does not sign oneself out.
      expect(await editUser(admin, { userId: me.id, version: String(me.version), name: me.name, roles: ["ADMIN", "STAFF"] })).toMatchObject({ ok: true });
      expect((await stored("admin")).sessionVersion).toBe(me.sessionVersion);
    });

    it("cannot reach a user of another organisation", async () => {
      const admin = await sessionUser("admin");
      const county = await stored("county");
      expect(await editUser(admin, { userId: county.id, version: String(county.version), name: "改名", roles: ["LEADER"] })).toEqual({
        ok: false,
        error: "notFound",
      });
      expect((await stored("county")).name).toBe(county.name);
    });
  });

  it("offers the form only what the admin reaches: their organisation's departments and campaigns, their users", async () => {
    const admin = await sessionUser("admin");
    const choices = await userFormChoices(admin);
    expect(choices.orgs.map((o) => o.id)).toEqual([admin.orgId]);
    expect(choices.departments.length).toBeGreaterThan(5);
    expect(choices.departments.every((d) => d.orgId === admin.orgId)).toBe(true);
    expect(choices.campaigns.map((c) => c.number).sort((a, b) => a - b)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    const lead1 = await userForEdit(admin, (await stored("lead1")).id);
    expect(lead1?.leadOf.length).toBeGreaterThan(0);
    expect(lead1).not.toHaveProperty("passwordHash");
    expect(await userForEdit(admin, (await stored("county")).id)).toBeNull();
  });

  it.each(["leader", "lead1", "staff", "viewer"])("refuses every write by %s: nothing written, no audit record", async (username) => {
    const who = await sessionUser(username);
    const target = await stored("lead4");
    const before = await audits();
    const forbidden = { ok: false, error: "forbidden" };
    expect(await createUser(who, { username: "sneaky", name: "越权", orgId: who.orgId, roles: ["ADMIN"], passwordMode: "typed", password: GOOD })).toEqual(
      forbidden,
    );
    expect(await editUser(who, { userId: target.id, version: String(target.version), name: "越权", roles: ["ADMIN"] })).toEqual(forbidden);
    expect(await resetPassword(who, { userId: target.id, passwordMode: "typed", password: GOOD })).toEqual(forbidden);
    expect(await setUserDisabled(who, { userId: target.id, version: String(target.version), disabled: "true" })).toEqual(forbidden);
    expect(await t.prisma.user.count({ where: { username: "sneaky" } })).toBe(0);
    const after = await stored("lead4");
    expect(after).toMatchObject({ name: target.name, version: target.version, passwordHash: target.passwordHash, disabled: false, mustChangePassword: false });
    expect(after.roles.map((r) => r.role)).toEqual(["LEAD"]);
    expect(await audits()).toBe(before);
  });

  describe("principal leaders and campaigns led, seen from both sides", () => {
    it("makes a leader a principal leader (主要领导), audited; only a leader can be one", async () => {
      const admin = await sessionUser("admin");
      const target = await stored("leader2");
      const profile = { userId: target.id, name: target.name, title: target.title ?? "", roles: ["LEADER"], campaignIds: [] };
      expect(await editUser(admin, { ...profile, version: String(target.version), isPrincipal: "on" })).toEqual({
        ok: true,
        data: { version: target.version + 1 },
      });
      expect(await stored("leader2")).toMatchObject({ isPrincipal: true });
      const audit = await t.prisma.auditRecord.findFirstOrThrow({ orderBy: { id: "desc" } });
      expect(audit).toMatchObject({ action: "user.update", oldValues: { isPrincipal: false }, newValues: { isPrincipal: true } });
      // Unticked, the box posts nothing: no longer principal.
      expect(await editUser(admin, { ...profile, version: String(target.version + 1) })).toMatchObject({ ok: true });
      expect(await stored("leader2")).toMatchObject({ isPrincipal: false });

      const lead = await stored("lead3");
      const refused = await editUser(admin, {
        userId: lead.id,
        version: String(lead.version),
        name: lead.name,
        roles: ["LEAD"],
        campaignIds: [],
        isPrincipal: "on",
      });
      expect(refused).toEqual({ ok: false, error: "invalid", fieldErrors: { isPrincipal: ["users.principalNeedsLeader"] } });
      const created = await createUser(admin, {
        username: "principal_x",
        orgId: lead.orgId,
        name: "新领导",
        roles: ["VIEWER"],
        isPrincipal: "on",
        passwordMode: "generated",
      });
      expect(created).toMatchObject({ ok: false, error: "invalid", fieldErrors: { isPrincipal: ["users.principalNeedsLeader"] } });
    });

    it("a change of the campaigns someone leads makes a campaign form opened before it stale", async () => {
      const admin = await sessionUser("admin");
      const [c8, c10] = await campaignIds(8, 10);
      const campaignBefore = await t.prisma.campaign.findUniqueOrThrow({ where: { id: c8 } });
      const keptBefore = await t.prisma.campaign.findUniqueOrThrow({ where: { id: c10 } });
      const target = await stored("lead10");
      const led = target.leadOf.map((l) => l.campaignId);
      const profile = { userId: target.id, name: target.name, title: target.title ?? "", roles: ["LEAD"] };
      expect(await editUser(admin, { ...profile, version: String(target.version), campaignIds: [...led, c8 ?? ""] })).toMatchObject({ ok: true });
      // Campaign 8's own form, loaded before, would put its old list of leads back: its version moved.
      expect((await t.prisma.campaign.findUniqueOrThrow({ where: { id: c8 } })).version).toBe(campaignBefore.version + 1);
      // Campaign 10, which they still lead as before, keeps its version.
      expect(led).toContain(c10);
      expect((await t.prisma.campaign.findUniqueOrThrow({ where: { id: c10 } })).version).toBe(keptBefore.version);
    });
  });
});
