import { describe, expect, it } from "vitest";
import { normalizeNumberInput, parseDecimalInput } from "@/lib/validation/numbers";

describe("normalizeNumberInput", () => {
  it.each([
    ["１２３４．５", "1234.5"],
    ["１，２３４", "1,234"],
    ["－７", "-7"],
    ["＋７", "+7"],
    [" 1 2 3 ", "123"],
    ["1\u3000234", "1234"], // ideographic space
    ["\t5\n", "5"],
    ["abc", "abc"],
  ])("turns %j into %j", (raw, expected) => {
    expect(normalizeNumberInput(raw)).toBe(expected);
  });

  it("maps every full-width digit to its ASCII digit", () => {
    expect(normalizeNumberInput("０１２３４５６７８９")).toBe("0123456789");
  });
});

describe("parseDecimalInput", () => {
  it.each([
    ["1234.5", "1234.5"],
    ["1,234.5", "1234.5"],
    ["１２３４．５", "1234.5"],
    ["1，234.5", "1234.5"],
    ["１，２３４．５", "1234.5"],
    ["1,234,567.89", "1234567.89"],
    ["1，234，567", "1234567"],
    ["123,456", "123456"],
    ["+5", "5"],
    ["＋5", "5"],
    ["-3", "-3"],
    ["－３", "-3"],
    ["-1,234.5", "-1234.5"],
    ["007", "7"],
    ["-007", "-7"],
    ["+007.50", "7.50"],
    ["0", "0"],
    ["000", "0"],
    ["0.5", "0.5"],
    ["00.5", "0.5"],
    ["1 234.5", "1234.5"],
    [" 12 ", "12"],
    ["１２　", "12"],
    ["65", "65"],
    ["3.14159", "3.14159"],
  ])("accepts %j as %j", (raw, expected) => {
    expect(parseDecimalInput(raw)).toBe(expected);
  });

  it.each([
    "",
    "   ",
    "abc",
    "1,23",
    "12,34.5",
    "1,234,56",
    "1234,567",
    "1.2.3",
    "1e5",
    "Infinity",
    "-Infinity",
    "NaN",
    "--1",
    "+-1",
    "1-",
    "1,",
    ",1",
    "0x10",
    ".5",
    "5.",
    "1.234,5",
    "100%",
    "¥100",
    "1_000",
    "12abc",
    "-",
    "+",
  ])("refuses %j", (raw) => {
    expect(parseDecimalInput(raw)).toBeNull();
  });

  it.each([
    ["1,234.5", 1234.5],
    ["-007", -7],
    ["１２３４．５", 1234.5],
    ["+0.25", 0.25],
  ])("returns for %j a string that reads back as %d", (raw, value) => {
    expect(Number(parseDecimalInput(raw))).toBe(value);
  });

  it("keeps digits beyond floating-point precision", () => {
    expect(parseDecimalInput("12,345,678,901,234,567.891")).toBe("12345678901234567.891");
  });
});
