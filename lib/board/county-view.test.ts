import { describe, expect, it } from "vitest";
import type { CountyCampaign } from "./county";
import { rankTowns, redCampaigns, type CountyTown } from "./county-view";

let n = 0;
const campaign = (light: string, reported = true, silence: "none" | "amber" | "red" = "none", reportDaysLate = 0): CountyCampaign => ({
  id: `c${++n}`,
  number: n,
  name: `战役${n}`,
  report: reported ? { status: "APPROVED", submittedAt: new Date(), lateDays: 0 } : null,
  reportDaysLate,
  status: { light: light as "RED", score: 0, silence },
});
const town = (name: string, campaigns: CountyCampaign[], month = 3): CountyTown => ({
  plan: { id: `p-${name}`, year: 2018, title: "2018年计划", reportDueDay: 5, escalateAfterDays: 3, lightRules: null, org: { id: name, name } },
  campaigns,
  month,
});

describe("the county's ranking of towns", () => {
  it("ranks fewer red campaigns first, then fewer missing reports, then more on schedule", () => {
    const ranked = rankTowns([
      town("甲镇", [campaign("RED"), campaign("GREEN")]),
      town("乙镇", [campaign("GREEN"), campaign("AMBER", false)]),
      town("丙镇", [campaign("GREEN"), campaign("AMBER")]),
      town("丁镇", [campaign("GREEN"), campaign("GREEN")]),
    ]);
    expect(ranked.map((r) => [r.rank, r.town])).toEqual([
      [1, "丁镇"],
      [2, "丙镇"],
      [3, "乙镇"],
      [4, "甲镇"],
    ]);
    expect(ranked[0]).toMatchObject({ red: 0, missing: 0, onSchedule: 100 });
    expect(ranked[2]).toMatchObject({ missing: 1, onSchedule: 50 });
  });

  it("gives towns equal on all three the same rank, and counts no missing report before a month is due", () => {
    const ranked = rankTowns([town("甲镇", [campaign("GREEN")]), town("乙镇", [campaign("GREEN")]), town("丙镇", [campaign("NONE", false)], 0)]);
    expect(ranked.map((r) => r.rank)).toEqual([1, 1, 3]);
    expect(ranked[2]).toMatchObject({ town: "丙镇", missing: 0, onSchedule: null });
  });
});

describe("the county's red list", () => {
  it("lists every town's red campaigns, lowest-ranked town first, saying which are red for not reporting", () => {
    const a = town("甲镇", [campaign("RED", false, "red", 12), campaign("RED")]);
    const b = town("乙镇", [campaign("GREEN"), campaign("RED")]);
    const list = redCampaigns([b, a]);
    expect(list.map((r) => r.town)).toEqual(["甲镇", "甲镇", "乙镇"]);
    expect(list[0]).toMatchObject({ silence: true, daysLate: 12 });
    expect(list[1]).toMatchObject({ silence: false });
  });
});
