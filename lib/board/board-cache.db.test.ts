// The computed board is shared and kept until the data changes: the same object for everyone who
// may see the plan, a fresh one after any write, and still nothing for someone who may not see it.
import { beforeAll, describe, expect, it } from "vitest";
import { BOTH_DB_KINDS, useTestDatabase } from "@/lib/testing/db";
import { sessionUser } from "@/lib/testing/users";
import { updateTaskProgress } from "@/lib/tasks/mutations";
import { getBoard } from "./queries";

// Also on the embedded database: the data stamp is raw SQL whose bigint each driver returns differently.
describe.each(BOTH_DB_KINDS)("the board's cache (%s)", (kind) => {
  const t = useTestDatabase(kind, "demo");
  let planId: string;
  beforeAll(async () => {
    planId = t.demo.planId;
  });

  it("serves one computation to everyone who may see the plan, until something is written", async () => {
    const first = await getBoard(await sessionUser("leader"), planId, null);
    const second = await getBoard(await sessionUser("staff"), planId, null);
    expect(first?.campaigns).toBeDefined();
    expect(second?.campaigns).toBe(first?.campaigns);

    const lead = await sessionUser("lead1");
    const task = await t.prisma.task.findFirstOrThrow({ where: { campaign: { number: 1 }, parentId: null, status: { not: "DONE" } }, orderBy: { sortOrder: "asc" } });
    const saved = await updateTaskProgress(lead, { campaignId: task.campaignId, taskId: task.id, version: String(task.version), percentDone: "100", status: "DONE" });
    expect(saved.ok).toBe(true);

    const after = await getBoard(await sessionUser("leader"), planId, null);
    expect(after?.campaigns).not.toBe(first?.campaigns);
    expect(after?.campaigns[0]?.tasks.find((x) => x.id === task.id)?.percentDone).toBe(100);
    expect(first?.campaigns[0]?.tasks.find((x) => x.id === task.id)?.percentDone).toBe(task.percentDone);
  });

  it("keeps the board as of a past month apart from the board now", async () => {
    const now = await getBoard(await sessionUser("leader"), planId, null);
    const february = await getBoard(await sessionUser("leader"), planId, { year: 2018, month: 2 });
    expect(february?.campaigns).not.toBe(now?.campaigns);
    expect(february?.month).toBe(1);
    expect(now?.month).toBe(3);
  });

  it("still shows nothing to someone who may not see the plan", async () => {
    const leader = await sessionUser("leader");
    expect(await getBoard({ ...leader, orgIds: ["another-town"] }, planId, null)).toBeNull();
  });
});
