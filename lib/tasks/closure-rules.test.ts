import { describe, expect, it } from "vitest";
import { closedBy, isOverdue, mayAskClosure } from "./closure-rules";

const day = (iso: string) => new Date(`${iso}T00:00:00Z`);

describe("closedBy", () => {
  it("is closed from the instant of confirmation on, never before or without one", () => {
    const at = new Date("2018-03-20T02:00:00Z");
    expect(closedBy(at, at)).toBe(true);
    expect(closedBy(at, new Date(at.getTime() + 1))).toBe(true);
    expect(closedBy(at, new Date(at.getTime() - 1))).toBe(false);
    expect(closedBy(null, at)).toBe(false);
  });
});

describe("isOverdue", () => {
  const task = { dueDate: day("2018-03-31"), closure: "OPEN", status: "IN_PROGRESS" };
  it("is overdue after the due date, not on it", () => {
    expect(isOverdue(task, day("2018-03-31"))).toBe(false);
    expect(isOverdue(task, day("2018-04-01"))).toBe(true);
  });
  it("keeps a finished task overdue until its 销号 is confirmed", () => {
    expect(isOverdue({ ...task, status: "DONE", closure: "REQUESTED" }, day("2018-04-10"))).toBe(true);
    expect(isOverdue({ ...task, status: "DONE", closure: "CLOSED" }, day("2018-04-10"))).toBe(false);
  });
  it("never counts a cancelled task", () => {
    expect(isOverdue({ ...task, status: "CANCELLED" }, day("2018-04-10"))).toBe(false);
  });
});

describe("mayAskClosure", () => {
  it.each([
    [{ closure: "OPEN", status: "DONE", percentDone: 100 }, true],
    [{ closure: "OPEN", status: "IN_PROGRESS", percentDone: 99 }, false],
    [{ closure: "REQUESTED", status: "DONE", percentDone: 100 }, false],
    [{ closure: "CLOSED", status: "DONE", percentDone: 100 }, false],
    [{ closure: "OPEN", status: "CANCELLED", percentDone: 100 }, false],
  ])("%j: %s", (task, expected) => {
    expect(mayAskClosure(task)).toBe(expected);
  });
});
