import { describe, expect, it } from "vitest";
import { daysOverdue, instructionAt, mayTake } from "./instruction-rules";

const day = (iso: string) => new Date(`${iso}T00:00:00Z`);
const at = (iso: string) => new Date(`${iso}T09:00:00+08:00`);

describe("the 落实反馈 loop's steps", () => {
  it("answers only an open 批示, asks again only after an answer, closes any not closed", () => {
    expect(mayTake("ANSWER", "OPEN")).toBe(true);
    expect(mayTake("ANSWER", "ANSWERED")).toBe(false);
    expect(mayTake("ASK_AGAIN", "OPEN")).toBe(false);
    expect(mayTake("ASK_AGAIN", "ANSWERED")).toBe(true);
    expect(mayTake("CLOSE", "OPEN")).toBe(true);
    expect(mayTake("CLOSE", "ANSWERED")).toBe(true);
    expect(mayTake("CLOSE", "CLOSED")).toBe(false);
    // A remark asks nothing: no step at all.
    expect(mayTake("CLOSE", null)).toBe(false);
  });
});

describe("overdue", () => {
  it("counts whole China days past the deadline, for an unanswered one only", () => {
    const open = { state: "OPEN" as const, dueDate: day("2018-04-12") };
    expect(daysOverdue(open, "2018-04-12")).toBe(0);
    expect(daysOverdue(open, "2018-04-13")).toBe(1);
    expect(daysOverdue(open, "2018-05-12")).toBe(30);
    expect(daysOverdue({ ...open, state: "ANSWERED" }, "2018-05-12")).toBe(0);
    expect(daysOverdue({ ...open, state: "CLOSED" }, "2018-05-12")).toBe(0);
    expect(daysOverdue({ state: "OPEN", dueDate: null }, "2018-05-12")).toBe(0);
  });
});

describe("a 批示 as it stood at an instant", () => {
  const comment = { state: "CLOSED" as const, dueDate: day("2018-04-25"), createdAt: at("2018-04-10") };
  const steps = [
    { kind: "ANSWER" as const, createdAt: at("2018-04-14"), dueDate: day("2018-04-20") },
    { kind: "ASK_AGAIN" as const, createdAt: at("2018-04-16"), dueDate: day("2018-04-25") },
    { kind: "ANSWER" as const, createdAt: at("2018-04-20"), dueDate: day("2018-04-25") },
    { kind: "CLOSE" as const, createdAt: at("2018-04-22"), dueDate: day("2018-04-25") },
  ];
  it("replays its steps up to the instant, with the deadline then", () => {
    expect(instructionAt(comment, steps, at("2018-04-09"))).toBeNull();
    expect(instructionAt(comment, steps, at("2018-04-11"))).toEqual({ state: "OPEN", dueDate: day("2018-04-20") });
    expect(instructionAt(comment, steps, at("2018-04-15"))).toEqual({ state: "ANSWERED", dueDate: day("2018-04-20") });
    expect(instructionAt(comment, steps, at("2018-04-17"))).toEqual({ state: "OPEN", dueDate: day("2018-04-25") });
    expect(instructionAt(comment, steps, at("2018-04-30"))).toEqual({ state: "CLOSED", dueDate: day("2018-04-25") });
  });
  it("has nothing to say about a remark", () => {
    expect(instructionAt({ ...comment, state: null }, [], at("2018-04-30"))).toBeNull();
  });
});
