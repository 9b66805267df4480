// The progress language, checked sentence by sentence on the 2018 demo plan's indicators of every
// kind (planned values as an even trajectory gives them for March, in each indicator's decimals).
import { describe, expect, it } from "vitest";
import { indicatorReason } from "@/lib/board/reasons";
import { catalogue } from "@/lib/summary/text";
import { DEFAULT_RULES, indicatorKind, indicatorStatus, type IndicatorInput, type Light } from "@/lib/status";

type Demo = Omit<IndicatorInput, "actual"> & { nameEn: string };
const ind = (x: Demo) => x;

const OUTPUT = ind({
  name: "工业总产值",
  nameEn: "Industrial output",
  unit: "亿元",
  decimals: 2,
  direction: "HIGHER_BETTER",
  accumulation: "CUMULATIVE",
  baseline: "56.58",
  planned: "16.25",
  target: "65",
});
const VISITS = ind({
  name: "拜访企业",
  nameEn: "Companies visited",
  unit: "家",
  decimals: 0,
  direction: "HIGHER_BETTER",
  accumulation: "CUMULATIVE",
  baseline: "99",
  planned: "30",
  target: "120",
});
const SIGNED = ind({
  name: "签约项目",
  nameEn: "Projects signed",
  unit: "个",
  decimals: 0,
  direction: "HIGHER_BETTER",
  accumulation: "CUMULATIVE",
  baseline: "5",
  planned: "2",
  target: "8",
});
const CASES = ind({
  name: "刑事案件发案数",
  nameEn: "Criminal cases",
  unit: "件",
  decimals: 0,
  direction: "LOWER_BETTER",
  accumulation: "CUMULATIVE",
  baseline: "86",
  planned: "19",
  target: "75",
});
const ACCIDENTS = ind({
  name: "安全生产事故起数",
  nameEn: "Work-safety accidents",
  unit: "起",
  decimals: 0,
  direction: "LOWER_BETTER",
  accumulation: "CUMULATIVE",
  baseline: "6",
  planned: "1",
  target: "3",
});
const AIR = ind({
  name: "空气质量优良天数比例",
  nameEn: "Good-air days",
  unit: "%",
  decimals: 2,
  direction: "HIGHER_BETTER",
  accumulation: "LEVEL",
  baseline: "78",
  planned: "79",
  target: "82",
});
const SATISFACTION = ind({
  name: "群众满意率",
  nameEn: "Public satisfaction",
  unit: "%",
  decimals: 2,
  direction: "HIGHER_BETTER",
  accumulation: "LEVEL",
  baseline: "95",
  planned: "95.75",
  target: "98",
});
const PM25 = ind({
  name: "PM2.5平均浓度",
  nameEn: "PM2.5",
  unit: "微克/立方米",
  decimals: 2,
  direction: "LOWER_BETTER",
  accumulation: "LEVEL",
  baseline: "42",
  planned: "41",
  target: "38",
});
const VILLAGES = ind({
  name: "五星达标村数",
  nameEn: "Five-star villages",
  unit: "个",
  decimals: 0,
  direction: "HIGHER_BETTER",
  accumulation: "LEVEL",
  baseline: "3",
  planned: "4",
  target: "6",
});
const PIGS = ind({
  name: "生猪存栏复养数",
  nameEn: "Pigs restocked",
  unit: "头",
  decimals: 0,
  direction: "LOWER_BETTER",
  accumulation: "LEVEL",
  baseline: "12",
  planned: "9",
  target: "0",
});

const zh = catalogue("zh-CN", "status");
const en = catalogue("en", "status");

function sentence(i: Demo, actual: string, locale: "zh-CN" | "en", month = 3) {
  const status = indicatorStatus({ ...i, actual: { month, value: actual } }, DEFAULT_RULES);
  return { status, text: indicatorReason(locale === "en" ? en : zh, locale, { ...i, status }) };
}

describe("the progress language of the 2018 demo indicators (March)", () => {
  const cases: [string, Demo, string, Light, string, string][] = [
    [
      "year to date, behind schedule",
      OUTPUT,
      "14.2",
      "AMBER",
      "工业总产值：1—3月累计 14.2 亿元，完成年度目标 21.8%，慢于序时进度（25%）3.2 个百分点",
      "Industrial output: Jan–Mar total 14.2 亿元, 21.8% of the annual target, 3.2 points behind schedule (25%)",
    ],
    [
      "year to date, ahead of schedule",
      VISITS,
      "31",
      "GREEN",
      "拜访企业：1—3月累计 31 家，完成年度目标 25.8%，快于序时进度（25%）0.8 个百分点",
      "Companies visited: Jan–Mar total 31 家, 25.8% of the annual target, 0.8 points ahead of schedule (25%)",
    ],
    [
      "year to date, on schedule",
      OUTPUT,
      "16.25",
      "GREEN",
      "工业总产值：1—3月累计 16.25 亿元，完成年度目标 25%，与序时进度持平",
      "Industrial output: Jan–Mar total 16.25 亿元, 25% of the annual target, on schedule",
    ],
    [
      "year to date, far behind",
      SIGNED,
      "1",
      "RED",
      "签约项目：1—3月累计 1 个，完成年度目标 12.5%，慢于序时进度（25%）12.5 个百分点",
      "Projects signed: Jan–Mar total 1 个, 12.5% of the annual target, 12.5 points behind schedule (25%)",
    ],
    [
      "lower is better, within the allowance",
      CASES,
      "16",
      "GREEN",
      "刑事案件发案数：1—3月累计 16 件，控制在序时额度（19 件）内，全年控制目标 75 件",
      "Criminal cases: Jan–Mar total 16 件, within the allowance to date (19 件); annual ceiling 75 件",
    ],
    [
      "lower is better, over the allowance",
      CASES,
      "21",
      "AMBER",
      "刑事案件发案数：1—3月累计 21 件，超出序时额度（19 件）2 件，全年控制目标 75 件",
      "Criminal cases: Jan–Mar total 21 件, 2 件 over the allowance to date (19 件); annual ceiling 75 件",
    ],
    [
      "lower is better, over the annual ceiling",
      CASES,
      "80",
      "RED",
      "刑事案件发案数：1—3月累计 80 件，已突破全年控制目标（75 件）",
      "Criminal cases: Jan–Mar total 80 件, over the annual ceiling (75 件)",
    ],
    [
      "zero accidents is within the allowance, never 0% of a target",
      ACCIDENTS,
      "0",
      "GREEN",
      "安全生产事故起数：1—3月累计 0 起，控制在序时额度（1 起）内，全年控制目标 3 起",
      "Work-safety accidents: Jan–Mar total 0 起, within the allowance to date (1 起); annual ceiling 3 起",
    ],
    [
      "a rate below its planned value, in 个百分点",
      AIR,
      "78.02",
      "AMBER",
      "空气质量优良天数比例：3月 78.02%，低于序时目标（79%）0.98 个百分点",
      "Good-air days: Mar 78.02%, 0.98 points below the planned 79%",
    ],
    [
      "a rate above its planned value",
      SATISFACTION,
      "96.5",
      "GREEN",
      "群众满意率：3月 96.5%，高于序时目标（95.75%）0.75 个百分点",
      "Public satisfaction: Mar 96.5%, 0.75 points above the planned 95.75%",
    ],
    [
      "a level (lower is better) above its planned value, in its unit",
      PM25,
      "41.32",
      "AMBER",
      "PM2.5平均浓度：3月 41.32 微克/立方米，高于序时目标（41 微克/立方米）0.32 微克/立方米",
      "PM2.5: Mar 41.32 微克/立方米, 0.32 微克/立方米 above the planned 41 微克/立方米",
    ],
    [
      "a standing count at its planned level",
      VILLAGES,
      "4",
      "GREEN",
      "五星达标村数：3月 4 个，与序时目标持平",
      "Five-star villages: Mar 4 个, at the planned level",
    ],
    [
      "a standing count short of its planned level",
      VILLAGES,
      "3",
      "RED",
      "五星达标村数：3月 3 个，低于序时目标（4 个）1 个",
      "Five-star villages: Mar 3 个, 1 个 below the planned 4 个",
    ],
    [
      "a level to bring down, better than planned",
      PIGS,
      "7",
      "GREEN",
      "生猪存栏复养数：3月 7 头，低于序时目标（9 头）2 头",
      "Pigs restocked: Mar 7 头, 2 头 below the planned 9 头",
    ],
  ];

  it.each(cases)("%s", (_label, indicator, actual, light, zhText, enText) => {
    const z = sentence(indicator, actual, "zh-CN");
    expect(z.status.light).toBe(light);
    expect(z.text).toBe(zhText);
    expect(sentence(indicator, actual, "en").text).toBe(enText);
  });

  it("never speaks of a share of a target for what should stay low", () => {
    for (const actual of ["0", "16", "21", "80"]) {
      const { text, status } = sentence(CASES, actual, "zh-CN");
      expect(text).not.toMatch(/完成/);
      expect(status.figures?.completion).toBeNull();
    }
  });

  it("says 1月 alone for January, not a range", () => {
    const jan = { ...OUTPUT, planned: "5.42" };
    expect(sentence(jan, "5.5", "zh-CN", 1).text).toBe("工业总产值：1月累计 5.5 亿元，完成年度目标 8.5%，快于序时进度（8.3%）0.2 个百分点");
    expect(sentence(jan, "5.5", "en", 1).text).toBe("Industrial output: Jan total 5.5 亿元, 8.5% of the annual target, 0.2 points ahead of schedule (8.3%)");
  });
});

describe("the light is decided on the figures as shown", () => {
  it("year to date: at the amber edge (5.0 points behind) is amber, 5.1 is red", () => {
    // schedule 25.0%; 20% of 100 → 5.0 behind; 19.9 → 5.1 behind
    const at = (actual: string) => indicatorStatus({ ...OUTPUT, target: "100", planned: "25", actual: { month: 3, value: actual } }, DEFAULT_RULES);
    expect(at("20").light).toBe("AMBER");
    expect(at("19.96").light).toBe("AMBER"); // 19.96% rounds to 20.0, shown 5.0 behind
    expect(at("19.94").light).toBe("RED"); // 19.9%: 5.1 behind
    expect(at("24.96").light).toBe("GREEN"); // 25.0% shown: on schedule
    expect(at("24.94").light).toBe("AMBER");
  });

  it("rates: 2 points worse is amber, 2.01 red", () => {
    const at = (actual: string) => indicatorStatus({ ...AIR, actual: { month: 3, value: actual } }, DEFAULT_RULES).light;
    expect(at("79")).toBe("GREEN");
    expect(at("77")).toBe("AMBER");
    expect(at("76.99")).toBe("RED");
  });

  it("follows the plan's own bands", () => {
    const strict = { ...DEFAULT_RULES, ytd: { green: 1, amber: 2 } };
    const at = (actual: string) => indicatorStatus({ ...OUTPUT, target: "100", planned: "25", actual: { month: 3, value: actual } }, strict).light;
    expect(at("24")).toBe("GREEN");
    expect(at("23")).toBe("AMBER");
    expect(at("22.9")).toBe("RED");
  });
});

describe("indicatorStatus edge cases", () => {
  it("has no light without an actual, a planned value or (year to date) a target", () => {
    expect(indicatorStatus({ ...OUTPUT, actual: null }, DEFAULT_RULES)).toMatchObject({ light: "NONE", reason: { key: "noData" }, figures: null });
    expect(indicatorStatus({ ...OUTPUT, planned: null, actual: { month: 3, value: "1" } }, DEFAULT_RULES)).toMatchObject({
      light: "NONE",
      reason: { key: "noPlan" },
    });
    expect(indicatorStatus({ ...OUTPUT, target: "0", actual: { month: 3, value: "1" } }, DEFAULT_RULES)).toMatchObject({
      light: "NONE",
      reason: { key: "noTarget" },
    });
  });

  it("reads each kind from unit, accumulation and direction", () => {
    expect([OUTPUT, CASES, AIR, PM25, VILLAGES].map(indicatorKind)).toEqual(["ytd", "allowance", "rate", "level", "level"]);
  });

  it("gives the figures for tables: completion, schedule and signed gap", () => {
    const { status } = sentence(OUTPUT, "14.2", "zh-CN");
    expect(status.figures).toEqual({ kind: "ytd", month: 3, actual: "14.2", planned: "16.25", target: "65", completion: "21.8", schedule: "25", gap: "-3.2" });
    expect(sentence(AIR, "78.02", "zh-CN").status.figures).toMatchObject({ kind: "rate", gap: "-0.98", completion: null });
  });

  it("stays finite with extreme and zero values", () => {
    const zero = indicatorStatus({ ...PIGS, planned: "0", baseline: "0", actual: { month: 12, value: "3" } }, DEFAULT_RULES);
    expect(zero.light).toBe("RED");
    for (const v of Object.values(zero.reason.values)) expect(String(v)).not.toMatch(/NaN|Infinity/);
    const huge = indicatorStatus({ ...OUTPUT, actual: { month: 3, value: "1e15" } }, DEFAULT_RULES);
    expect(huge.light).toBe("GREEN");
  });
});
