import fs from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { verifyAuditChain } from "@/lib/audit/verify";
import { verifyPassword } from "@/lib/auth/password";
import { DB_KINDS, useTestDatabase } from "@/lib/testing/db";
import { loadDemo } from "./demo";

// The source document, read directly: the figures below must match it, not a copy of it.
const source = fs.readFileSync(path.resolve(import.meta.dirname, "../../docs/domain/shendang-2018.md"), "utf8");
const sourceCampaigns = [...source.matchAll(/^\| (\d+) \| ([^|]+?) \| [^|]+ \|$/gm)].map((m) => ({ number: Number(m[1]), name: m[2] ?? "" }));
const sourceBaselines = [...source.matchAll(/^\| ([^|]+?) \| [^|]+ \| ([\d.]+) \| ([^|]+?) \|/gm)].map((m) => ({
  name: (m[1] ?? "").trim(),
  value: m[2] ?? "",
  unit: (m[3] ?? "").replace(/\s*\(.*\)$/, "").trim(),
}));

describe.each(DB_KINDS)("the Shendang 2018 demo plan (%s)", (kind) => {
  // The seed itself is under test: it runs here on an empty database with a generated password.
  const t = useTestDatabase(kind, "empty");
  let password: string;
  beforeAll(async () => {
    ({ password } = await loadDemo(t.prisma));
  });

  it("reads the source document it is checked against", () => {
    expect(sourceCampaigns).toHaveLength(10);
    expect(sourceBaselines).toHaveLength(15);
  });

  it("has the ten campaigns with their exact names", async () => {
    const campaigns = await t.prisma.campaign.findMany({ orderBy: { number: "asc" }, select: { number: true, name: true, nameEn: true } });
    expect(campaigns.map((c) => ({ number: c.number, name: c.name }))).toEqual(sourceCampaigns);
    expect(campaigns.every((c) => c.nameEn)).toBe(true);
  });

  it("keeps every 2017 baseline figure exactly as stated, with its unit, not marked as sample", async () => {
    const indicators = await t.prisma.indicator.findMany({ where: { baselineIsSample: false } });
    expect(indicators).toHaveLength(15);
    for (const b of sourceBaselines) {
      const match = indicators.find((i) => i.name === b.name);
      expect(match, b.name).toBeDefined();
      expect(match?.baselineValue?.toString(), b.name).toBe(b.value);
      expect(match?.unit, b.name).toBe(b.unit);
    }
  });

  it("gives every campaign at least 3 indicators and 5 tasks, all sample data marked as such", async () => {
    const campaigns = await t.prisma.campaign.findMany({ include: { indicators: true, tasks: true } });
    for (const c of campaigns) {
      expect(c.indicators.length, c.name).toBeGreaterThanOrEqual(3);
      expect(c.tasks.length, c.name).toBeGreaterThanOrEqual(5);
      expect(c.tasks.every((task) => task.isSample)).toBe(true);
      expect(c.indicators.every((i) => i.targetIsSample)).toBe(true);
    }
    const plan = await t.prisma.plan.findFirstOrThrow();
    expect(plan).toMatchObject({ year: 2018, baselineYear: 2017, title: "2018年十大战役", isSample: true });
  });

  it("plans each indicator month by month, ending at its target", async () => {
    const indicators = await t.prisma.indicator.findMany({ include: { trajectory: { orderBy: { month: "asc" } } } });
    for (const i of indicators) {
      expect(i.trajectory.map((p) => p.month)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
      expect(i.trajectory[11]?.plannedValue.toString(), i.name).toBe(i.targetValue?.toString());
    }
  });

  it("has sample reports for January to March, with some March reports missing", async () => {
    const byMonth = await t.prisma.progressReport.groupBy({ by: ["month"], _count: true, orderBy: { month: "asc" } });
    expect(byMonth.map((m) => [m.month, m._count])).toEqual([
      [1, 10],
      [2, 10],
      [3, 7],
    ]);
    const values = await t.prisma.indicatorValue.count({ where: { report: { month: 1 } } });
    expect(values).toBeGreaterThan(0);
  });

  it("has demo users for each role, with the password given, and no password stored in clear", async () => {
    const roles = await t.prisma.roleAssignment.groupBy({ by: ["role"], _count: true });
    expect(roles.map((r) => r.role).sort()).toEqual(["ADMIN", "LEAD", "LEADER", "STAFF", "VIEWER"]);
    const admin = await t.prisma.user.findUniqueOrThrow({ where: { username: "admin" } });
    expect(admin.passwordHash).toMatch(/^\$argon2id\$/);
    expect(await verifyPassword(admin.passwordHash, password)).toBe(true);
    expect(await verifyPassword(admin.passwordHash, "wrong")).toBe(false);
  });

  it("writes its load into the audit trail, whose hash chain verifies", async () => {
    const report = await verifyAuditChain(t.prisma);
    expect(report.broken).toBeNull();
    expect(report.checked).toBeGreaterThan(0);
  });
});
