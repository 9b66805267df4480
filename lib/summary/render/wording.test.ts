import { describe, expect, it } from "vitest";
import { chineseNumeral, itemNumber, sectionNumber, subsectionNumber } from "./wording";

describe("chineseNumeral", () => {
  it.each([
    [1, "一"],
    [9, "九"],
    [10, "十"],
    [11, "十一"],
    [20, "二十"],
    [30, "三十"],
    [47, "四十七"],
    [99, "九十九"],
    [100, "100"],
  ])("writes %i as %s", (n, expected) => {
    expect(chineseNumeral(n)).toBe(expected);
  });
});

describe("section numbers", () => {
  it("numbers 一、（一）1. in Chinese and 1. (1) 1. in English", () => {
    expect([sectionNumber(2, "zh-CN"), subsectionNumber(12, "zh-CN"), itemNumber(3, "zh-CN")]).toEqual(["二、", "（十二）", "3."]);
    expect([sectionNumber(2, "en"), subsectionNumber(12, "en"), itemNumber(3, "en")]).toEqual(["2. ", "(12) ", "3. "]);
  });
});
