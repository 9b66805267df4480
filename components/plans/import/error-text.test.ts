import { readFileSync } from "node:fs";
import path from "node:path";
import { createTranslator } from "next-intl";
import { describe, expect, it } from "vitest";
import { ERROR_KEYS } from "@/lib/plans/import/types";
import { describeError, type ImportTranslator } from "./error-text";

const ROOT = path.resolve(import.meta.dirname, "../../..");
const catalogue = (locale: string) =>
  JSON.parse(readFileSync(path.join(ROOT, "messages", `${locale}.json`), "utf8")) as { planImport: { errors: Record<string, string> } };

describe("a problem of an uploaded workbook in words", () => {
  // The app's translators take any key (the catalogue is not typed); so does this one.
  const translator = (locale: string) => createTranslator({ locale, messages: catalogue(locale), namespace: "planImport" }) as unknown as ImportTranslator;
  const zh = translator("zh-CN");
  const en = translator("en");

  it("says the sheet, row, column and letter first", () => {
    const error = { sheet: "indicators", row: 5, column: "单位", letter: "C", key: "required" } as const;
    expect(describeError(zh, error)).toBe("指标表第 5 行「单位」（C 列）：不能为空");
    expect(describeError(en, error)).toBe("Sheet 指标, row 5, 「单位」 (column C): must not be empty");
    expect(describeError(zh, { sheet: "tasks", row: 9, column: "上级任务编号", letter: "C", key: "unknownParent", values: { key: "c2-x" } })).toBe(
      "任务表第 9 行「上级任务编号」（C 列）：本战役中没有编号为“c2-x”的任务",
    );
  });

  it("says as much as it knows when the column or the row is the problem", () => {
    expect(describeError(zh, { sheet: "plan", row: 1, column: "目标", letter: null, key: "missingColumn" })).toBe(
      "计划表第 1 行「目标」：缺少此列，请勿修改列名",
    );
    expect(describeError(zh, { sheet: "plan", row: 3, column: null, letter: null, key: "onePlanRow" })).toBe("计划表第 3 行：计划表只能填写一行");
    expect(describeError(en, { sheet: "tasks", row: null, column: null, letter: null, key: "missingSheet", values: { name: "任务" } })).toBe(
      "Sheet 任务: the file has no sheet “任务”; please use the import template",
    );
  });

  it("has a message for every problem the import reports, in both languages", () => {
    for (const locale of ["zh-CN", "en"]) {
      expect(Object.keys(catalogue(locale).planImport.errors).sort(), locale).toEqual([...ERROR_KEYS].sort());
    }
  });
});
