import { describe, expect, it } from "vitest";
import { localName, localTitle } from "@/lib/i18n/local-name";

describe("localName and localTitle", () => {
  it("give the English name in English where there is one", () => {
    expect(localName({ name: "招商引资", nameEn: "Investment" }, "en")).toBe("Investment");
    expect(localTitle({ title: "2018年十大战役", titleEn: "Ten campaigns 2018" }, "en")).toBe("Ten campaigns 2018");
  });

  it("give the Chinese name in Chinese, and in English where none was given", () => {
    expect(localName({ name: "招商引资", nameEn: "Investment" }, "zh-CN")).toBe("招商引资");
    expect(localName({ name: "招商引资", nameEn: null }, "en")).toBe("招商引资");
    expect(localName({ name: "招商引资", nameEn: "" }, "en")).toBe("招商引资");
    expect(localTitle({ title: "2018年十大战役" }, "en")).toBe("2018年十大战役");
  });
});
