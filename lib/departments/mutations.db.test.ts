import { describe, expect, it } from "vitest";
import { DB_KINDS, useTestDatabase } from "@/lib/testing/db";
import { sessionUser } from "@/lib/testing/users";
import { createDepartment, deleteDepartment, renameDepartment } from "./mutations";
import { listDepartments } from "./queries";

describe.each(DB_KINDS)("departments (%s)", (kind) => {
  const t = useTestDatabase(kind, "demo");

  const audits = () => t.prisma.auditRecord.count();
  const named = (name: string) => t.prisma.department.findFirst({ where: { name } });

  it.each(["admin", "staff"])("%s adds, renames and deletes an unused department; one audit record each", async (username) => {
    const user = await sessionUser(username);
    const count = await audits();
    const created = await createDepartment(user, { orgId: user.orgId, name: ` 统计站${username} ` });
    expect(created).toMatchObject({ ok: true });
    const dept = await named(`统计站${username}`);
    expect(dept).toMatchObject({ orgId: user.orgId, version: 1 });

    expect(await renameDepartment(user, { departmentId: dept?.id, version: "1", name: `统计办${username}` })).toEqual({ ok: true });
    expect(await named(`统计办${username}`)).toMatchObject({ id: dept?.id, version: 2 });

    expect(await deleteDepartment(user, { departmentId: dept?.id, version: "2" })).toEqual({ ok: true });
    expect(await named(`统计办${username}`)).toBeNull();
    expect(await audits()).toBe(count + 3);
    const trail = await t.prisma.auditRecord.findMany({ where: { entityId: dept?.id }, orderBy: { id: "asc" } });
    expect(trail.map((r) => r.action)).toEqual(["department.create", "department.rename", "department.delete"]);
  });

  it("refuses a duplicate name in the same organisation, and an empty one", async () => {
    const admin = await sessionUser("admin");
    expect(await createDepartment(admin, { orgId: admin.orgId, name: "党政办" })).toEqual({
      ok: false,
      error: "invalid",
      fieldErrors: { name: ["departments.nameTaken"] },
    });
    expect(await createDepartment(admin, { orgId: admin.orgId, name: "  " })).toEqual({
      ok: false,
      error: "invalid",
      fieldErrors: { name: ["departments.nameRequired"] },
    });
    const dept = await named("财政所");
    expect(await renameDepartment(admin, { departmentId: dept?.id, version: String(dept?.version), name: "党政办" })).toMatchObject({
      fieldErrors: { name: ["departments.nameTaken"] },
    });
    expect((await named("财政所"))?.version).toBe(dept?.version);
  });

  it("refuses a stale version, overwriting nothing", async () => {
    const admin = await sessionUser("admin");
    const dept = await named("派出所");
    const version = String(dept?.version);
    expect(await renameDepartment(admin, { departmentId: dept?.id, version, name: "派出所（一）" })).toEqual({ ok: true });
    const before = await audits();
    expect(await renameDepartment(admin, { departmentId: dept?.id, version, name: "派出所（二）" })).toMatchObject({
      ok: false,
      error: "conflict",
      current: { name: "派出所（一）" },
    });
    expect(await deleteDepartment(admin, { departmentId: dept?.id, version })).toMatchObject({ ok: false, error: "conflict" });
    expect(await t.prisma.department.findUnique({ where: { id: dept?.id ?? "" } })).toMatchObject({ name: "派出所（一）" });
    expect(await audits()).toBe(before);
  });

  it("will not delete a department that people or campaigns refer to", async () => {
    const admin = await sessionUser("admin");
    const before = await audits();
    // 党政办: people; 综治办: leads a campaign.
    for (const name of ["党政办", "综治办"]) {
      const dept = await named(name);
      expect(await deleteDepartment(admin, { departmentId: dept?.id, version: String(dept?.version) })).toEqual({
        ok: false,
        error: "locked",
        status: "inUse",
      });
      expect(await named(name)).not.toBeNull();
    }
    expect(await audits()).toBe(before);
    const rows = await listDepartments(admin);
    expect(rows.find((d) => d.name === "党政办")?.users).toBeGreaterThan(0);
    expect(rows.find((d) => d.name === "综治办")?.campaigns).toBeGreaterThan(0);
  });

  it.each(["leader", "lead1", "viewer"])("refuses every write by %s: nothing written, no audit record", async (username) => {
    const user = await sessionUser(username);
    const dept = await named("市场监管所");
    const before = await audits();
    const forbidden = { ok: false, error: "forbidden" };
    expect(await createDepartment(user, { orgId: user.orgId, name: "越权部门" })).toEqual(forbidden);
    expect(await renameDepartment(user, { departmentId: dept?.id, version: String(dept?.version), name: "越权改名" })).toEqual(forbidden);
    expect(await deleteDepartment(user, { departmentId: dept?.id, version: String(dept?.version) })).toEqual(forbidden);
    expect(await named("越权部门")).toBeNull();
    expect(await named("市场监管所")).toMatchObject({ version: dept?.version });
    expect(await audits()).toBe(before);
  });

  it("reaches only the organisations the user keeps", async () => {
    const admin = await sessionUser("admin");
    const county = await t.prisma.organization.findUniqueOrThrow({ where: { code: "haiyan" } });
    const theirs = await t.prisma.department.create({ data: { orgId: county.id, name: "县督查室" } });
    expect(await createDepartment(admin, { orgId: county.id, name: "县里的部门" })).toMatchObject({ fieldErrors: { orgId: ["departments.orgInvalid"] } });
    expect(await renameDepartment(admin, { departmentId: theirs.id, version: "1", name: "改名" })).toEqual({ ok: false, error: "notFound" });
    expect(await deleteDepartment(admin, { departmentId: theirs.id, version: "1" })).toEqual({ ok: false, error: "notFound" });
    expect((await listDepartments(admin)).some((d) => d.id === theirs.id)).toBe(false);
  });
});
