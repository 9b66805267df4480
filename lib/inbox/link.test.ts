import { describe, expect, it } from "vitest";
import { appPath } from "./link";

describe("appPath", () => {
  it("keeps the path, query and fragment of a full address or a path", () => {
    expect(appPath("https://duban.example.gov.cn/campaigns/c1#instruction-x")).toBe("/campaigns/c1#instruction-x");
    expect(appPath("/campaigns/c1/reports/3?x=1")).toBe("/campaigns/c1/reports/3?x=1");
  });
  it("never leads out of the app", () => {
    expect(appPath("javascript:alert(1)")).toBe("/");
    expect(appPath("//evil.example/x")).toBe("/x");
    expect(appPath("http://evil.example//evil2.example/x")).toBe("/");
    expect(appPath(null)).toBe("/");
    expect(appPath("")).toBe("/");
  });
});
