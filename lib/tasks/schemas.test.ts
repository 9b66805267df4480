import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { TASK_STATUSES, taskProgressSchema } from "@/lib/tasks/schemas";

const ROOT = path.resolve(import.meta.dirname, "../..");

const valid = { campaignId: "c1", taskId: "t1", version: "3", percentDone: "65", status: "IN_PROGRESS", note: "进展顺利" };

function issues(input: Record<string, unknown>) {
  const result = taskProgressSchema.safeParse(input);
  expect(result.success).toBe(false);
  return result.error!.issues.map((i) => ({ path: i.path.join("."), message: i.message }));
}

describe("taskProgressSchema", () => {
  it("parses valid input, turning the percent and version into numbers", () => {
    expect(taskProgressSchema.parse(valid)).toEqual({
      campaignId: "c1",
      taskId: "t1",
      version: 3,
      percentDone: 65,
      status: "IN_PROGRESS",
      note: "进展顺利",
      overdueReason: "",
      remedy: "",
    });
  });

  it.each([
    ["65", 65],
    ["６５", 65],
    [" 65 ", 65],
    ["0", 0],
    ["007", 7],
    ["１００", 100],
  ])("reads the percent %j as %i", (percentDone, expected) => {
    const status = expected === 100 ? "DONE" : "IN_PROGRESS";
    expect(taskProgressSchema.parse({ ...valid, percentDone, status }).percentDone).toBe(expected);
  });

  it("trims the note and defaults a missing one to an empty string", () => {
    expect(taskProgressSchema.parse({ ...valid, note: "  备注  " }).note).toBe("备注");
    const withoutNote: Partial<typeof valid> = { ...valid };
    delete withoutNote.note;
    expect(taskProgressSchema.parse(withoutNote).note).toBe("");
  });

  it.each(["abc", "12.5", "", "-5", "1e2", "65%"])("refuses the percent %j as not a whole number", (percentDone) => {
    expect(issues({ ...valid, percentDone })).toContainEqual({ path: "percentDone", message: "validation.percentWhole" });
  });

  it.each(["150", "101", "1,000"])("refuses the percent %j as out of range", (percentDone) => {
    expect(issues({ ...valid, percentDone })).toContainEqual({ path: "percentDone", message: "validation.percentRange" });
  });

  it("refuses DONE with less than 100 percent, on percentDone", () => {
    expect(issues({ ...valid, percentDone: "50", status: "DONE" })).toEqual([{ path: "percentDone", message: "validation.doneMeans100" }]);
  });

  it.each(["IN_PROGRESS", "NOT_STARTED", "BLOCKED"])("refuses 100 percent with status %s, on status", (status) => {
    expect(issues({ ...valid, percentDone: "100", status })).toEqual([{ path: "status", message: "validation.fullMeansDone" }]);
  });

  it.each(["DONE", "CANCELLED"])("accepts 100 percent with status %s", (status) => {
    expect(taskProgressSchema.parse({ ...valid, percentDone: "100", status })).toMatchObject({ percentDone: 100, status });
  });

  it("accepts CANCELLED at any percent", () => {
    expect(taskProgressSchema.parse({ ...valid, percentDone: "40", status: "CANCELLED" }).percentDone).toBe(40);
  });

  it("accepts a note of exactly 500 characters and refuses 501", () => {
    expect(taskProgressSchema.parse({ ...valid, note: "字".repeat(500) }).note).toHaveLength(500);
    expect(issues({ ...valid, note: "字".repeat(501) })).toEqual([{ path: "note", message: "validation.noteTooLong" }]);
  });

  it("counts the note length after trimming", () => {
    expect(taskProgressSchema.parse({ ...valid, note: ` ${"字".repeat(500)} ` }).note).toHaveLength(500);
  });

  it.each([
    ["missing", undefined],
    ["zero", "0"],
    ["not a number", "x"],
    ["fractional", "1.5"],
  ])("refuses a %s version", (_label, version) => {
    expect(issues({ ...valid, version }).map((i) => i.path)).toContain("version");
  });

  it.each(["FINISHED", "done", ""])("refuses the unknown status %j with validation.status", (status) => {
    expect(issues({ ...valid, status })).toContainEqual({ path: "status", message: "validation.status" });
  });

  it.each(["campaignId", "taskId"])("refuses an empty or missing %s", (key) => {
    expect(issues({ ...valid, [key]: "" }).map((i) => i.path)).toContain(key);
    expect(issues({ ...valid, [key]: undefined }).map((i) => i.path)).toContain(key);
  });

  it("accepts every status in TASK_STATUSES with a matching percent", () => {
    for (const status of TASK_STATUSES) {
      const percentDone = status === "DONE" ? "100" : "0";
      expect(taskProgressSchema.safeParse({ ...valid, status, percentDone }).success).toBe(true);
    }
  });
});

describe("validation message keys of taskProgressSchema", () => {
  const emitted = [
    "validation.percentWhole",
    "validation.percentRange",
    "validation.status",
    "validation.noteTooLong",
    "validation.doneMeans100",
    "validation.fullMeansDone",
  ];
  const catalogues = {
    "zh-CN": JSON.parse(readFileSync(path.join(ROOT, "messages/zh-CN.json"), "utf8")),
    en: JSON.parse(readFileSync(path.join(ROOT, "messages/en.json"), "utf8")),
  };
  const lookup = (tree: unknown, key: string) => key.split(".").reduce<unknown>((node, part) => (node as Record<string, unknown> | undefined)?.[part], tree);

  it("lists every validation.* key that the schema source mentions", () => {
    const source = readFileSync(path.join(ROOT, "lib/tasks/schemas.ts"), "utf8");
    const inSource = [...new Set([...source.matchAll(/"(validation\.[A-Za-z0-9_]+)"/g)].map((m) => m[1]))].sort();
    expect(inSource).toEqual([...emitted].sort());
  });

  describe.each(Object.keys(catalogues) as (keyof typeof catalogues)[])("in messages/%s.json", (locale) => {
    it.each(emitted)("has a non-empty message for %s", (key) => {
      const message = lookup(catalogues[locale], key);
      expect(typeof message).toBe("string");
      expect((message as string).trim()).not.toBe("");
    });
  });
});
