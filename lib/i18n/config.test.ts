import { describe, expect, it } from "vitest";
import { defaultLocale, locales, toLocale } from "@/lib/i18n/config";

describe("toLocale", () => {
  it.each([
    ["en", "en"],
    ["zh-CN", "zh-CN"],
    [undefined, "zh-CN"],
    [null, "zh-CN"],
    ["fr", "zh-CN"],
    ["", "zh-CN"],
    ["EN", "zh-CN"],
    ["zh", "zh-CN"],
    ["en-US", "zh-CN"],
  ])("maps %j to %j", (value, expected) => {
    expect(toLocale(value)).toBe(expected);
  });

  it("defaults to Chinese, which is one of the locales", () => {
    expect(defaultLocale).toBe("zh-CN");
    expect(locales).toContain(defaultLocale);
  });
});
