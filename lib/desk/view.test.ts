import { describe, expect, it } from "vitest";
import { deskCampaign, deskView } from "./view";

const report = (month: number, revision: number, status: string, returnReason: string | null = null) => ({
  id: `r${month}-${revision}`,
  month,
  revision,
  status,
  returnReason,
});
const campaign = (reports: ReturnType<typeof report>[]) => ({
  id: "c1",
  number: 2,
  name: "招商攻坚",
  plan: { year: 2018, reportDueDay: 5 },
  reports,
  overdueTasks: [{ id: "t1", title: "签约三个项目", dueDate: new Date("2018-03-30T16:00:00Z"), percentDone: 40 }],
});
const april10 = new Date("2018-04-10T02:00:00Z");

describe("a campaign on the desk", () => {
  it("is due the last complete month's report, late by whole days after the due day while it is missing", () => {
    const c = deskCampaign(campaign([]), april10);
    expect(c).toMatchObject({ dueMonth: 3, dueStatus: "MISSING", daysOverdue: 5 });
    expect(c.dueDate?.toISOString()).toBe("2018-04-04T16:00:00.000Z");
  });

  it("reads each month's newest revision: a draft is still late, a submitted report is not", () => {
    expect(deskCampaign(campaign([report(3, 1, "DRAFT")]), april10)).toMatchObject({ dueStatus: "DRAFT", daysOverdue: 5 });
    expect(deskCampaign(campaign([report(3, 2, "SUBMITTED"), report(3, 1, "RETURNED")]), april10)).toMatchObject({
      dueStatus: "SUBMITTED",
      daysOverdue: 0,
      returned: [],
    });
  });

  it("lists the months whose newest revision was returned", () => {
    const c = deskCampaign(
      campaign([report(3, 1, "RETURNED", "补充数据"), report(2, 2, "APPROVED"), report(2, 1, "RETURNED"), report(1, 1, "RETURNED", "重写")]),
      april10,
    );
    expect(c.returned.map((r) => r.month)).toEqual([3, 1]);
  });

  it("has nothing due before the plan year has a complete month", () => {
    expect(deskCampaign(campaign([]), new Date("2018-01-20T02:00:00Z"))).toMatchObject({ dueMonth: 0, dueStatus: null, dueDate: null, daysOverdue: 0 });
  });
});

describe("the desk page", () => {
  const home = {
    campaigns: [deskCampaign(campaign([report(3, 1, "RETURNED", "补充数据")]), april10)],
    comments: [
      {
        id: "m1",
        body: "抓紧",
        createdAt: new Date("2018-04-09T01:00:00Z"),
        author: { name: "张伟", title: null },
        campaign: { id: "c1", name: "招商攻坚" },
        report: { month: 3 },
      },
      {
        id: "m2",
        body: "注意安全",
        createdAt: new Date("2018-04-09T01:00:00Z"),
        author: { name: "张伟", title: null },
        campaign: { id: "c1", name: "招商攻坚" },
        report: null,
      },
    ],
    reminders: [{ id: "x", month: 3, year: 2018, createdAt: new Date("2018-04-08T01:00:00Z"), campaign: { id: "c1", name: "招商攻坚" }, sentBy: null }],
  };
  const view = deskView(home, "zh-CN");

  it("offers the due report to fill in when it is returned, with its month and due day in words", () => {
    expect(view.campaigns[0]?.due).toMatchObject({ month: "2018年3月", status: "RETURNED", by: "2018年4月5日", href: "/campaigns/c1/reports/3", toFill: true });
  });

  it("flattens returned reports and overdue tasks across campaigns, each with its link", () => {
    expect(view.returned).toEqual([{ id: "r3-1", href: "/campaigns/c1/reports/3", label: "招商攻坚 · 2018年3月", reason: "补充数据" }]);
    expect(view.overdue).toEqual([{ id: "t1", href: "/campaigns/c1/tasks/t1", title: "签约三个项目", since: "2018年3月31日", percentDone: 40 }]);
  });

  it("links a comment to its report's month, or to the campaign; a system reminder has no sender", () => {
    expect(view.comments.map((c) => c.href)).toEqual(["/campaigns/c1/reports/3", "/campaigns/c1"]);
    expect(view.reminders[0]).toMatchObject({ href: "/campaigns/c1/reports/3", campaign: "招商攻坚", month: "2018年3月", sender: null });
  });
});
