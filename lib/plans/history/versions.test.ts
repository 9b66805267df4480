import { describe, expect, it } from "vitest";
import { adjustmentsOf, readIndicatorPlan, readPlanRules, versionFor, type Version } from "./versions";

const d = (iso: string) => new Date(`${iso}T12:00:00+08:00`);
let n = 0;
function v(
  fromMonth: number,
  kind: Version<string>["kind"],
  inForceAt: string | null,
  payload: string,
  status: Version<string>["status"] = "IN_FORCE",
): Version<string> {
  const at = inForceAt ? d(inForceAt) : new Date(0);
  return { id: `v${n++}`, fromMonth, kind, status, inForceAt: inForceAt ? d(inForceAt) : null, requestedAt: at, reason: null, payload };
}

describe("versionFor", () => {
  const initial = v(1, "INITIAL", null, "plan as set");
  const fromMay = v(5, "CHANGE", "2018-04-12", "from May");
  const marchAdjusted = v(3, "ADJUSTMENT", "2018-04-20", "March adjusted");
  const all = [initial, fromMay, marchAdjusted];

  it("the plan as first set holds everywhere before anything else", () => {
    expect(versionFor([initial], 12, d("2017-01-01"))?.payload).toBe("plan as set");
  });

  it("a change from May leaves March and April as they were, whenever they are seen", () => {
    expect(versionFor(all.slice(0, 2), 3, d("2018-12-31"))?.payload).toBe("plan as set");
    expect(versionFor(all.slice(0, 2), 4, d("2018-12-31"))?.payload).toBe("plan as set");
    expect(versionFor(all.slice(0, 2), 5, d("2018-12-31"))?.payload).toBe("from May");
    // ... and May, seen before the change was made, had the old plan
    expect(versionFor(all.slice(0, 2), 5, d("2018-04-11"))?.payload).toBe("plan as set");
  });

  it("an adjustment of March applies from when it was made, to March and every later month", () => {
    expect(versionFor(all, 3, d("2018-04-19"))?.payload).toBe("plan as set");
    expect(versionFor(all, 3, d("2018-04-21"))?.payload).toBe("March adjusted");
    // it came later than the change from May, so it wins there too
    expect(versionFor(all, 6, d("2018-04-21"))?.payload).toBe("March adjusted");
    expect(versionFor(all, 6, d("2018-04-15"))?.payload).toBe("from May");
  });

  it("ignores pending and rejected changes, and returns null when nothing applies", () => {
    expect(versionFor([initial, v(1, "CHANGE", null, "pending", "PENDING"), v(1, "CHANGE", "2018-02-01", "no", "REJECTED")], 3, d("2018-12-31"))?.payload).toBe(
      "plan as set",
    );
    expect(versionFor([fromMay], 3, d("2018-12-31"))).toBeNull();
  });
});

describe("adjustmentsOf", () => {
  const closedAt = (at: Date) => at.getUTCMonth(); // April → 3: March is the last closed month
  it("marks the months an adjustment reached back to, not the later ones it merely changed", () => {
    const adj = v(2, "ADJUSTMENT", "2018-04-20", "Feb on");
    expect(adjustmentsOf([adj], 1, closedAt)).toEqual([]);
    expect(adjustmentsOf([adj], 2, closedAt)).toEqual([adj]);
    expect(adjustmentsOf([adj], 3, closedAt)).toEqual([adj]);
    expect(adjustmentsOf([adj], 4, closedAt)).toEqual([]);
    expect(adjustmentsOf([v(5, "CHANGE", "2018-04-12", "x")], 5, closedAt)).toEqual([]);
  });
});

describe("payloads", () => {
  it("reads what was stored and refuses what is malformed", () => {
    expect(readIndicatorPlan({ target: "65", planned: ["5.42", "10.83"] })).toEqual({ target: "65", planned: ["5.42", "10.83"] });
    expect(readIndicatorPlan({ target: "6e5", planned: [] })).toBeNull();
    expect(readPlanRules({ reportDueDay: 5, escalateAfterDays: 3, rules: null })?.rules.ytd).toEqual({ green: 0, amber: 5 });
    expect(readPlanRules({ reportDueDay: 0, escalateAfterDays: 3, rules: null })).toBeNull();
  });
});
