import Decimal from "decimal.js";
import { describe, expect, it } from "vitest";
import { formatDate, formatDateTime, formatMonth, formatNumber, formatQuantity } from "@/lib/format";
import type { Locale } from "@/lib/i18n/config";

const LOCALES: Locale[] = ["zh-CN", "en"];

describe("formatNumber", () => {
  describe.each(LOCALES)("in %s", (locale) => {
    it.each([
      ["56.58", 2, "56.58"],
      [12345.678, 2, "12,345.68"],
      ["12345.678", 2, "12,345.68"],
      [12345.678, 0, "12,346"],
      ["0.5", 0, "1"],
      [-1234.5, 2, "-1,234.5"],
      [0, 2, "0"],
      ["65.0000", 2, "65"],
      ["1.23456", 4, "1.2346"],
    ] as const)("formats %j with at most %i decimals as %j", (value, maxDecimals, expected) => {
      expect(formatNumber(value, locale, maxDecimals)).toBe(expected);
    });

    it("uses 2 decimals by default", () => {
      expect(formatNumber("3.14159", locale)).toBe("3.14");
    });

    it("formats a Decimal object through its string form", () => {
      expect(formatNumber(new Decimal("1234.50"), locale)).toBe("1,234.5");
    });

    it.each([null, undefined, "", "abc", "1,234", "Infinity", Number.NaN, Number.POSITIVE_INFINITY])("shows %s as a dash", (value) => {
      expect(formatNumber(value, locale)).toBe("—");
    });
  });
});

describe("formatQuantity", () => {
  it.each([
    ["56.58", "亿元", "zh-CN", "56.58 亿元"],
    ["56.58", "亿元", "en", "56.58 亿元"],
    ["75", "%", "zh-CN", "75%"],
    ["75", "%", "en", "75%"],
    [12345.678, "户", "zh-CN", "12,345.68 户"],
    ["3", "km", "en", "3 km"],
  ] as const)("formats %j with unit %j in %s as %j", (value, unit, locale, expected) => {
    expect(formatQuantity(value, unit, locale)).toBe(expected);
  });

  it("passes maxDecimals on to the number", () => {
    expect(formatQuantity("12.6", "个", "zh-CN", 0)).toBe("13 个");
    expect(formatQuantity("66.666", "%", "en", 1)).toBe("66.7%");
  });

  it.each([null, undefined, "", "abc"])("shows %j as a dash without the unit", (value) => {
    expect(formatQuantity(value, "亿元", "zh-CN")).toBe("—");
    expect(formatQuantity(value, "%", "en")).toBe("—");
  });
});

describe("formatDate", () => {
  it.each([
    ["zh-CN", "2018年4月1日"],
    ["en", "Apr 1, 2018"],
  ] as const)("shows a UTC evening as the next day in Asia/Shanghai (%s)", (locale, expected) => {
    expect(formatDate(new Date("2018-03-31T20:00:00Z"), locale)).toBe(expected);
    expect(formatDate("2018-03-31T20:00:00Z", locale)).toBe(expected);
  });

  it("changes day at midnight Shanghai time (16:00 UTC)", () => {
    expect(formatDate("2018-03-31T15:59:59Z", "zh-CN")).toBe("2018年3月31日");
    expect(formatDate("2018-03-31T16:00:00Z", "zh-CN")).toBe("2018年4月1日");
  });

  it("shows the year end correctly", () => {
    expect(formatDate("2018-12-31T16:00:00Z", "zh-CN")).toBe("2019年1月1日");
    expect(formatDate("2018-12-31T15:00:00Z", "en")).toBe("Dec 31, 2018");
  });

  it.each(LOCALES)("shows a missing date as a dash (%s)", (locale) => {
    expect(formatDate(null, locale)).toBe("—");
    expect(formatDate(undefined, locale)).toBe("—");
    expect(formatDate("", locale)).toBe("—");
  });
});

describe("formatDateTime", () => {
  it.each([
    ["zh-CN", "2018/04/01 04:00"],
    ["en", "04/01/2018, 04:00"],
  ] as const)("shows date and 24-hour time in Asia/Shanghai (%s)", (locale, expected) => {
    expect(formatDateTime("2018-03-31T20:00:00Z", locale)).toBe(expected);
  });

  it("shows a missing value as a dash", () => {
    expect(formatDateTime(null, "zh-CN")).toBe("—");
  });
});

describe("formatMonth", () => {
  it.each([
    [2018, 3, "zh-CN", "2018年3月"],
    [2018, 3, "en", "Mar 2018"],
    [2018, 1, "zh-CN", "2018年1月"],
    [2018, 12, "zh-CN", "2018年12月"],
    [2018, 12, "en", "Dec 2018"],
    [2025, 1, "en", "Jan 2025"],
  ] as const)("formats %i-%i in %s as %j", (year, month, locale, expected) => {
    expect(formatMonth(year, month, locale)).toBe(expected);
  });
});

describe("format edge cases found in review", () => {
  it.each([
    ["   ", "—"],
    ["0x10", "—"],
    ["-0.001", "0"],
  ])("formatNumber(%j) is %j", (input, expected) => {
    expect(formatNumber(input, "en")).toBe(expected);
  });

  it("shows an unparseable date as a dash instead of throwing", () => {
    expect(formatDate("abc", "zh-CN")).toBe("—");
    expect(formatDateTime("abc", "zh-CN")).toBe("—");
  });
});
