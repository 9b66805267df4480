// The computed board is shared and kept until the data changes: the same object for everyone who
// may see the plan, a fresh one after any write, and still nothing for someone who may not see it.
import { beforeAll, describe, expect, it, onTestFinished, vi } from "vitest";
import { BOTH_DB_KINDS, useTestDatabase } from "@/lib/testing/db";
import { sessionUser } from "@/lib/testing/users";
import { updateTaskProgress } from "@/lib/tasks/mutations";
import { boardOf } from "@/lib/testing/board";
import { getBoard } from "./queries";

// Also on the embedded database: the data stamp is raw SQL whose bigint each driver returns differently.
describe.each(BOTH_DB_KINDS)("the board's cache (%s)", (kind) => {
  const t = useTestDatabase(kind, "demo");
  let planId: string;
  beforeAll(async () => {
    planId = t.demo.planId;
  });

  it("serves one computation to everyone who may see the plan, until something is written", async () => {
    // The board "now" is kept by the minute as well: held (a millisecond a reading, so writes stay in
    // order), the two reads cannot straddle a minute and be computed twice for that reason alone.
    const held = Date.now();
    let tick = 0;
    const clock = vi.spyOn(Date, "now").mockImplementation(() => held + tick++);
    onTestFinished(() => clock.mockRestore());
    const first = await boardOf(await sessionUser("leader"), planId);
    const second = await boardOf(await sessionUser("staff"), planId);
    expect(first.campaigns).toBeDefined();
    expect(second.campaigns).toBe(first.campaigns);

    const lead = await sessionUser("lead1");
    const task = await t.prisma.task.findFirstOrThrow({
      where: { campaign: { number: 1 }, parentId: null, status: { not: "DONE" } },
      orderBy: { sortOrder: "asc" },
    });
    const saved = await updateTaskProgress(lead, {
      campaignId: task.campaignId,
      taskId: task.id,
      version: String(task.version),
      percentDone: "100",
      status: "DONE",
    });
    expect(saved.ok).toBe(true);

    const after = await boardOf(await sessionUser("leader"), planId);
    expect(after.campaigns).not.toBe(first.campaigns);
    expect(after.campaigns[0]?.tasks.find((x) => x.id === task.id)?.percentDone).toBe(100);
    expect(first.campaigns[0]?.tasks.find((x) => x.id === task.id)?.percentDone).toBe(task.percentDone);
  });

  it("keeps the board of a past month apart from the board now, and refuses a month not yet due", async () => {
    const now = await boardOf(await sessionUser("leader"), planId);
    const february = await boardOf(await sessionUser("leader"), planId, 2);
    expect(february.campaigns).not.toBe(now.campaigns);
    expect(february.month).toBe(2);
    expect(february.historical).toBe(true);
    // February as its reports stood at the end of March, when they were due
    expect(february.cutoff.toISOString()).toBe("2018-03-31T15:59:59.999Z");
    expect(now.month).toBe(3);
    expect((await getBoard(await sessionUser("leader"), planId, 4))?.refused).toBe(true);
    expect((await getBoard(await sessionUser("leader"), planId, 0))?.refused).toBe(true);
  });

  it("still shows nothing to someone who may not see the plan", async () => {
    const leader = await sessionUser("leader");
    expect(await getBoard({ ...leader, orgIds: ["another-town"] }, planId, null)).toBeNull();
  });
});
