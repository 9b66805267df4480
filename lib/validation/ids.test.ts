import { describe, expect, it } from "vitest";
import { parseId, recordId } from "./ids";

describe("parseId", () => {
  it.each(["cm3k9x2a40000qz8l5b7c1d2e", "abc", "A-b_9", "x".repeat(64)])("accepts %j", (value) => {
    expect(parseId(value)).toBe(value);
    expect(recordId.safeParse(value).success).toBe(true);
  });

  it.each(["", "abc\u0000", "\u0000", "abc%00", "../etc/passwd", "a/b", "a b", "a\tb", "id'; DROP TABLE x;--", "x".repeat(65), "编号", "abc\n"])(
    "refuses %j",
    (value) => {
      expect(parseId(value)).toBeNull();
      expect(recordId.safeParse(value).success).toBe(false);
    },
  );

  it.each([undefined, null, 42, ["abc"], { id: "abc" }])("refuses a non-string %j", (value) => {
    expect(parseId(value)).toBeNull();
    expect(recordId.safeParse(value).success).toBe(false);
  });
});
