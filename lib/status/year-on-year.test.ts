import { describe, expect, it } from "vitest";
import { yearOnYearText } from "@/lib/board/reasons";
import { catalogue } from "@/lib/summary/text";
import { yearOnYear } from "@/lib/status";

const zh = catalogue("zh-CN", "status");
const en = catalogue("en", "status");

describe("同比", () => {
  it.each([
    ["an amount that grew", "ytd", "14.2", "13.12", "同比增长 8.2%", "up 8.2% year on year"],
    ["an amount that fell", "ytd", "12", "13.12", "同比下降 8.5%", "down 8.5% year on year"],
    ["a rate, in 个百分点", "rate", "78.02", "76.5", "同比提高 1.52 个百分点", "up 1.52 points year on year"],
    ["a rate that fell", "rate", "90", "92.25", "同比降低 2.25 个百分点", "down 2.25 points year on year"],
    ["a level that fell", "level", "41.32", "43", "同比下降 3.9%", "down 3.9% year on year"],
    ["no change", "allowance", "16", "16", "与上年同期持平", "level with a year earlier"],
  ] as const)("%s", (_label, kind, now, then, zhText, enText) => {
    const yoy = yearOnYear(kind, now, then);
    expect(yearOnYearText(zh, "zh-CN", yoy)).toBe(zhText);
    expect(yearOnYearText(en, "en", yoy)).toBe(enText);
  });

  it("is unknown (—), never invented, without the baseline year's figure or on a zero base", () => {
    expect(yearOnYear("ytd", "14.2", null)).toBeNull();
    expect(yearOnYear("ytd", null, "13")).toBeNull();
    expect(yearOnYear("ytd", "3", "0")).toBeNull();
    expect(yearOnYearText(zh, "zh-CN", null)).toBe("—");
    // a rate from zero is still a change in points
    expect(yearOnYear("rate", "3", "0")).toMatchObject({ key: "yoyUp", value: "3", points: true });
  });
});
