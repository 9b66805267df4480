import { describe, expect, it } from "vitest";
import { campaignRows, planIndicatorRows } from "./view";

const indicator = (name: string, value: string, sample: boolean) => ({
  name,
  nameEn: `${name} (en)`,
  unit: "天",
  decimals: 0,
  baselineValue: value,
  baselineIsSample: sample,
});

describe("the plan page's campaigns table", () => {
  const campaign = {
    id: "c1",
    number: 3,
    name: "招商攻坚",
    nameEn: "Investment drive",
    isSample: false,
    leadDepartment: { name: "经发办" },
    leadingOfficial: null,
    leads: [{ user: { name: "王强" } }, { user: { name: "李娜" } }],
    indicators: [indicator("签约项目", "12", true), indicator("外出招商天数", "393", false)],
    _count: { tasks: 7 },
  };

  it("names the people and departments, a dash for none, the leads in one line", () => {
    const [row] = campaignRows([campaign], "zh-CN");
    expect(row).toMatchObject({ id: "c1", number: 3, name: "招商攻坚", leadDepartment: "经发办", leadingOfficial: "—", leads: "王强、李娜", tasks: 7 });
  });

  it("lists the source's own baselines before the sample ones, each in its unit", () => {
    expect(campaignRows([campaign], "zh-CN")[0]?.baselines).toEqual([
      { text: "外出招商天数 393 天", sample: false },
      { text: "签约项目 12 天", sample: true },
    ]);
  });

  it("uses the English names in English", () => {
    const [row] = campaignRows([campaign], "en");
    expect(row?.name).toBe("Investment drive");
    expect(row?.baselines[0]?.text).toMatch(/^外出招商天数 \(en\) /);
  });
});

describe("the plan's town-wide indicators", () => {
  it("show baseline and target in the unit, with their sample marks and the baseline's note", () => {
    const rows = planIndicatorRows(
      [
        {
          id: "i",
          name: "地区生产总值",
          nameEn: null,
          unit: "亿元",
          baselineValue: "25.5",
          baselineNote: "统计公报",
          baselineIsSample: false,
          targetValue: null,
          targetIsSample: true,
        },
      ],
      "en",
    );
    expect(rows).toEqual([
      { id: "i", name: "地区生产总值", baseline: "25.5 亿元", baselineIsSample: false, baselineNote: "统计公报", target: "—", targetIsSample: true },
    ]);
  });
});
