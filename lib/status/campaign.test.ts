import { describe, expect, it } from "vitest";
import { campaignStatus, DEFAULT_RULES, type Light, type Silence } from "@/lib/status";

const reported: Silence = { missing: false, daysLate: 0, redAfterDays: 3 };
const missing = (daysLate: number): Silence => ({ missing: true, daysLate, redAfterDays: 3 });
const lights = (...ls: Light[]) => ls.map((light) => ({ light }));
const tasks = (...ls: [Light, number][]) => ls.map(([light, weight]) => ({ light, weight }));

describe("campaignStatus: the score", () => {
  it("weighs indicators and tasks half and half, tasks by their weight", () => {
    const s = campaignStatus(lights("GREEN", "RED"), tasks(["GREEN", 3], ["RED", 1]), reported, DEFAULT_RULES);
    expect(s.score).toBe(0.5 * 0.5 + 0.5 * 0.75);
    expect(s.light).toBe("AMBER");
  });

  it("ignores items without a light and has none when nothing is scored", () => {
    expect(campaignStatus(lights("NONE"), tasks(["NONE", 1]), reported, DEFAULT_RULES)).toMatchObject({ light: "NONE", score: null });
    expect(campaignStatus(lights("GREEN", "NONE"), [], reported, DEFAULT_RULES)).toMatchObject({ light: "GREEN", score: 1 });
  });

  it.each([
    [0.8, "GREEN"],
    [0.79, "AMBER"],
    [0.6, "AMBER"],
    [0.59, "RED"],
  ] as const)("score %f is %s with the default bands", (score, light) => {
    // Tasks only: one GREEN of weight score×100 and one RED of the rest gives exactly that score.
    const s = campaignStatus([], tasks(["GREEN", score * 100], ["RED", 100 - score * 100]), reported, DEFAULT_RULES);
    expect(s.score).toBeCloseTo(score, 12);
    expect(s.light).toBe(light);
  });

  it("keeps an exact threshold on its side despite decimal weights", () => {
    const s = campaignStatus([], tasks(["GREEN", 0.1], ["GREEN", 0.2], ["GREEN", 0.5], ["RED", 0.2]), reported, DEFAULT_RULES);
    expect(s.score).toBe(0.8);
    expect(s.light).toBe("GREEN");
  });

  it("lists the worst items, red before amber, at most three, and under green they are what to watch", () => {
    const s = campaignStatus(lights("AMBER", "GREEN", "RED"), tasks(["AMBER", 1], ["RED", 1]), reported, DEFAULT_RULES);
    expect(s.worst.map((w) => `${w.kind}${w.index}:${w.light}`)).toEqual(["indicator2:RED", "task1:RED", "indicator0:AMBER"]);
    const green = campaignStatus(lights("GREEN", "GREEN", "AMBER", "GREEN", "GREEN"), [], reported, DEFAULT_RULES);
    expect(green.light).toBe("GREEN");
    expect(green.worst).toEqual([{ kind: "indicator", light: "AMBER", index: 2 }]);
  });
});

describe("campaignStatus: silence is not green", () => {
  const allGreen = lights("GREEN", "GREEN");

  it("a missing report before it is late changes nothing", () => {
    expect(campaignStatus(allGreen, [], missing(0), DEFAULT_RULES)).toMatchObject({ light: "GREEN", silence: "none" });
  });

  it.each([1, 2, 3])("a report %i day(s) late holds a green campaign at amber", (days) => {
    expect(campaignStatus(allGreen, [], missing(days), DEFAULT_RULES)).toMatchObject({ light: "AMBER", silence: "amber", daysLate: days, scoreLight: "GREEN" });
  });

  it("after the escalation days it is red", () => {
    expect(campaignStatus(allGreen, [], missing(4), DEFAULT_RULES)).toMatchObject({ light: "RED", silence: "red" });
  });

  it("never lifts a campaign its figures already made red, and says silence did not decide it", () => {
    expect(campaignStatus(lights("RED"), [], missing(1), DEFAULT_RULES)).toMatchObject({ light: "RED", silence: "none", daysLate: 1 });
  });

  it("a campaign with nothing to score yet is amber once its report is late", () => {
    expect(campaignStatus([], [], missing(2), DEFAULT_RULES)).toMatchObject({ light: "AMBER", silence: "amber" });
  });

  it("reporting figures at 94–97% of plan is never worse than not reporting at all", () => {
    // The case from the field: amber by its figures once it reports, but silence must not look better.
    const silent = campaignStatus(lights("GREEN", "GREEN"), [], missing(5), DEFAULT_RULES);
    const reportedBehind = campaignStatus(lights("AMBER", "AMBER"), tasks(["GREEN", 1]), reported, DEFAULT_RULES);
    const rank = { RED: 0, AMBER: 1, GREEN: 2, NONE: 3 } as const;
    expect(rank[reportedBehind.light]).toBeGreaterThanOrEqual(rank[silent.light]);
  });
});
