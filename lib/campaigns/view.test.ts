import { describe, expect, it } from "vitest";
import { campaignAsOf, campaignPeople, chartPoints } from "./view";

const dec = (s: string) => ({ toFixed: () => s });
const value = (month: number, reportedAt: string) => ({ month, reportedAt: new Date(reportedAt) });
const found = {
  campaign: {
    id: "c1",
    plan: { year: 2018 },
    indicators: [{ id: "i1", values: [value(3, "2018-04-03T02:00:00Z"), value(2, "2018-03-03T02:00:00Z"), value(3, "2018-04-20T02:00:00Z")] }],
  },
};

describe("the campaign as of the board's month", () => {
  it("leaves out the figures reported after the cutoff of a past month, and says the month in the URL's words", () => {
    const cutoff = new Date("2018-04-10T16:00:00Z");
    const view = campaignAsOf(found, { historical: true, month: 3, cutoff, campaigns: [{ id: "c1" }] }, new Date("2018-05-10T02:00:00Z"));
    expect(view).toMatchObject({ asOf: "2018-03", cutoff, month: 3 });
    expect(view.campaign.indicators[0]?.values.map((v) => v.reportedAt.toISOString())).toEqual(["2018-04-03T02:00:00.000Z", "2018-03-03T02:00:00.000Z"]);
  });

  it("is today and the last complete month without a judged board; never before January", () => {
    const today = new Date("2018-04-10T02:00:00Z");
    expect(campaignAsOf(found, null, today)).toMatchObject({ asOf: null, cutoff: today, month: 3 });
    expect(campaignAsOf(found, null, new Date("2018-01-10T02:00:00Z")).month).toBe(1);
    expect(campaignAsOf(found, { historical: false, month: 4, cutoff: today, campaigns: [] }, today)).toMatchObject({ asOf: null, month: 4 });
  });
});

describe("the campaign's people", () => {
  it("are one line each, a dash for nobody", () => {
    expect(
      campaignPeople({
        leadingOfficial: { name: "刘洋", title: "副镇长" },
        leadDepartment: null,
        cooperating: [{ department: { name: "财政所" } }, { department: { name: "派出所" } }],
        leads: [],
      }),
    ).toEqual({ leadingOfficial: "刘洋（副镇长）", leadDepartment: "—", cooperating: "财政所、派出所", leads: "—" });
  });
});

describe("an indicator's chart", () => {
  it("draws the planned line where there is a plan, and the figures up to the page's month", () => {
    const { points, last } = chartPoints(
      ["10", null, "30", "40"],
      [
        { month: 1, value: dec("9") },
        { month: 3, value: dec("31.5") },
        { month: 4, value: dec("41") },
      ],
      3,
    );
    expect(points).toEqual([
      { month: 1, planned: 10, actual: 9 },
      { month: 3, planned: 30, actual: 31.5 },
      { month: 4, planned: 40, actual: null },
    ]);
    expect(last).toEqual({ month: 3, planned: 30, actual: 31.5 });
  });

  it("has no latest figure before any was reported", () => {
    expect(chartPoints(["10", "20"], [], 2).last).toBeNull();
  });
});
