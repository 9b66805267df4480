import { describe, expect, it } from "vitest";
import { applyBoardFilters } from "./filters";
import { headline, phoneOrder, sinceLastMonth } from "./view";

const row = (number: number, light: string, missing = false, daysLate = 0) => ({ number, light, missing, daysLate });

describe("the phone list's order", () => {
  it("puts 未报送 first (the longest late first), then late reports, then red, amber, no data and green", () => {
    const rows = [
      row(1, "GREEN"),
      row(2, "RED"),
      row(3, "AMBER", true, 2),
      row(4, "AMBER"),
      row(5, "GREEN", false, 3),
      row(6, "RED", true, 12),
      row(7, "NONE"),
    ];
    expect(phoneOrder(rows).map((r) => r.number)).toEqual([6, 3, 5, 2, 4, 7, 1]);
  });

  it("keeps the plan's numbers in order within a light", () => {
    expect(phoneOrder([row(9, "RED"), row(2, "RED"), row(5, "RED")]).map((r) => r.number)).toEqual([2, 5, 9]);
  });
});

describe("a campaign's one line", () => {
  it("is its first reason, else what is to watch", () => {
    expect(headline({ verdict: "红灯：指标或任务明显滞后", reasons: ["工业总产值慢于序时进度 6.1 个百分点"], watch: [] }, "红灯")).toBe(
      "工业总产值慢于序时进度 6.1 个百分点",
    );
    expect(headline({ verdict: "绿灯：总体按序时推进", reasons: [], watch: ["任务甲滞后"] }, "绿灯")).toBe("任务甲滞后");
  });

  it("is the verdict without the light's word when there is no reason", () => {
    expect(headline({ verdict: "黄灯：3月进度报告逾期 5 天未报送", reasons: [], watch: [] }, "黄灯")).toBe("3月进度报告逾期 5 天未报送");
    expect(headline({ verdict: "Amber: the March report is 5 days late", reasons: [], watch: [] }, "Amber")).toBe("the March report is 5 days late");
    expect(headline({ verdict: "暂无可判定的数据", reasons: [], watch: [] }, "暂无数据")).toBe("暂无可判定的数据");
  });
});

describe("since last month", () => {
  it("says turned red, turned green or unchanged", () => {
    expect(sinceLastMonth("GREEN", "RED")).toEqual({ kind: "worse", from: "GREEN" });
    expect(sinceLastMonth("AMBER", "RED")).toEqual({ kind: "worse", from: "AMBER" });
    expect(sinceLastMonth("RED", "GREEN")).toEqual({ kind: "better", from: "RED" });
    expect(sinceLastMonth("AMBER", "AMBER")).toEqual({ kind: "same", from: "AMBER" });
  });

  it("has nothing to compare in the first month, and no data is neither better nor worse", () => {
    expect(sinceLastMonth(null, "RED")).toEqual({ kind: "first" });
    expect(sinceLastMonth("NONE", "RED")).toEqual({ kind: "same", from: "NONE" });
  });
});

describe("the board's URL filters on the server", () => {
  const rows = [
    { name: "工业强镇", light: "RED", department: "经发办", official: "刘洋", verdict: "红灯", list: ["工业总产值慢于序时"] },
    { name: "平安沈荡", light: "GREEN", department: "综治办", official: "张伟", verdict: "绿灯", list: [] },
    { name: "美丽城镇", light: "AMBER", department: "城建办", official: "刘洋", verdict: "黄灯", list: [] },
  ];
  it("filters by light (one or several), department, official and words, as the table does", () => {
    expect(applyBoardFilters(rows, { "f.status": "red,AMBER" }).map((r) => r.name)).toEqual(["工业强镇", "美丽城镇"]);
    expect(applyBoardFilters(rows, { "f.official": "刘洋", "f.status": "AMBER" }).map((r) => r.name)).toEqual(["美丽城镇"]);
    expect(applyBoardFilters(rows, { "f.dept": "综治办" }).map((r) => r.name)).toEqual(["平安沈荡"]);
    expect(applyBoardFilters(rows, { q: "总产值" }).map((r) => r.name)).toEqual(["工业强镇"]);
  });

  it("ignores a status filter that is no light (the page says so) and shows all", () => {
    expect(applyBoardFilters(rows, { "f.status": "PURPLE" })).toHaveLength(3);
  });
});
