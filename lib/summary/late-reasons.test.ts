import { describe, expect, it, vi } from "vitest";

vi.mock("@/lib/db", () => ({ db: () => ({}) }));
const { lateReasons } = await import("./late-reasons");

const words = (reason: string, remedy: string) => `${reason}；整改措施：${remedy}`;
const at = (iso: string) => new Date(iso);

describe("lateReasons", () => {
  it("gives the 逾期原因 with its 整改措施 when the lead gave them, before any note", () => {
    const tasks = [{ id: "t1", updates: [{ reportedAt: at("2018-04-02T00:00:00Z"), note: "进展说明" }] }];
    const given = new Map([["t1", { overdueReason: " 征地延误 ", remedy: "每周调度" }]]);
    expect(lateReasons(tasks, given, words).get("t1")).toBe("征地延误；整改措施：每周调度");
  });

  it("gives the reason alone without a 整改措施, and the latest note for a task without either", () => {
    const tasks = [
      { id: "t1", updates: [] },
      {
        id: "t2",
        updates: [
          { reportedAt: at("2018-03-02T00:00:00Z"), note: "旧说明" },
          { reportedAt: at("2018-04-02T00:00:00Z"), note: " 新说明 " },
        ],
      },
      { id: "t3", updates: [{ reportedAt: at("2018-04-02T00:00:00Z"), note: null }] },
    ];
    const reasons = lateReasons(tasks, new Map([["t1", { overdueReason: "征地延误", remedy: null }]]), words);
    expect(Object.fromEntries(reasons)).toEqual({ t1: "征地延误", t2: "新说明" });
  });
});
