// Out of the default run (npm run test:stress): 1,000 writes against one task take a while, and the
// 20-writer test in mutations.db.test.ts already proves the version check on every run.
import { describe, expect, it } from "vitest";
import { BOTH_DB_KINDS, useTestDatabase } from "@/lib/testing/db";
import { sessionUser } from "@/lib/testing/users";
import { updateTaskProgress } from "./mutations";

describe.each(BOTH_DB_KINDS)("updateTaskProgress under load (%s)", (kind) => {
  const t = useTestDatabase(kind, "demo");

  it("loses no update with 50 concurrent writers × 20 rounds on one task: each write lands or is told it conflicted", { timeout: 180_000 }, async () => {
    const lead = await sessionUser("lead2");
    // An open task (a closed one is locked, 销号).
    const task = await t.prisma.task.findFirstOrThrow({ where: { campaign: { number: 2 }, closure: "OPEN" }, orderBy: { id: "asc" } });
    const updatesBefore = await t.prisma.taskUpdate.count({ where: { taskId: task.id } });
    const auditBefore = await t.prisma.auditRecord.count({ where: { entityId: task.id } });
    let landed = 0;
    let conflicts = 0;
    await Promise.all(
      Array.from({ length: 50 }, async (_, writer) => {
        for (let round = 0; round < 20; round++) {
          // Each writer saves against the version it last saw, as a form would.
          const seen = await t.prisma.task.findUniqueOrThrow({ where: { id: task.id }, select: { version: true } });
          const r = await updateTaskProgress(lead, {
            campaignId: task.campaignId,
            taskId: task.id,
            version: String(seen.version),
            percentDone: String((writer + round) % 100),
            status: "IN_PROGRESS",
            // Required if the task is overdue on the test's date.
            overdueReason: "压力测试",
            remedy: "压力测试",
          });
          if (r.ok) landed++;
          else if (r.error === "conflict") conflicts++;
          else throw new Error(`unexpected ${JSON.stringify(r)}`);
        }
      }),
    );
    expect(landed + conflicts).toBe(1000);
    expect(landed).toBeGreaterThan(0);
    const after = await t.prisma.task.findUniqueOrThrow({ where: { id: task.id } });
    // Every landed write is in the version count, the history and the audit trail; nothing else is.
    expect(after.version).toBe(task.version + landed);
    expect(await t.prisma.taskUpdate.count({ where: { taskId: task.id } })).toBe(updatesBefore + landed);
    expect(await t.prisma.auditRecord.count({ where: { entityId: task.id } })).toBe(auditBefore + landed);
    console.log(`[load ${kind}] 1000 writes: ${landed} landed, ${conflicts} conflicted`);
  });
});
