import { describe, expect, it } from "vitest";
import { parseReport } from "./schemas";

const form = {
  reportId: "",
  campaignId: "c1",
  year: "2018",
  month: "3",
  version: "0",
  intent: "submit",
  progressText: "完成",
  problemsText: "无",
  nextStepsText: "继续",
};

describe("reading a posted report's tasks", () => {
  it("requires each open task's progress on submit, and neither reads nor requires a task under 销号 (shown locked)", () => {
    const tasks = [
      { id: "open1", closure: "OPEN" as const },
      { id: "asked1", closure: "REQUESTED" as const },
      { id: "closed1", closure: "CLOSED" as const },
    ];
    const posted = { ...form, "taskVersion.open1": "1", "taskVersion.asked1": "2", "taskVersion.closed1": "3" };
    const missing = parseReport(posted, [], tasks);
    expect(missing.ok && missing.fieldErrors).toEqual({ "task.open1.percent": ["validation.percentRequired"] });

    const parsed = parseReport(
      { ...posted, "task.open1.percent": "40", "task.open1.status": "IN_PROGRESS", "task.closed1.percent": "10", "task.closed1.status": "IN_PROGRESS" },
      [],
      tasks,
    );
    if (!parsed.ok) throw new Error("refused");
    expect(parsed.fieldErrors).toEqual({});
    expect([...parsed.data.tasks.keys()]).toEqual(["open1"]);
    expect(parsed.data.taskVersions).toEqual(
      new Map([
        ["open1", 1],
        ["asked1", 2],
        ["closed1", 3],
      ]),
    );
  });
});
