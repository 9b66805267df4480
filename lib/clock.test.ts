import { describe, expect, it } from "vitest";
import {
  chinaDay,
  currentMonth,
  daysLate,
  daysOverdue,
  endOfMonth,
  isFutureMonth,
  reportDueDate,
  reportingMonth,
  startOfChinaDayOf,
  startOfMonth,
} from "./clock";

// Dates are China's (UTC+8): 2018-04-01 00:00 in Shanghai is 2018-03-31 16:00 UTC.
describe("the plan calendar, in China's time", () => {
  it("ends a month at the last millisecond before the next one begins in China", () => {
    expect(endOfMonth(2018, 3).toISOString()).toBe("2018-03-31T15:59:59.999Z");
    expect(endOfMonth(2018, 12).toISOString()).toBe("2018-12-31T15:59:59.999Z");
  });

  it("makes a month's report due on the due day of the next month", () => {
    expect(reportDueDate(2018, 3, 5).toISOString()).toBe("2018-04-04T16:00:00.000Z");
    expect(reportDueDate(2018, 12, 5).toISOString()).toBe("2019-01-04T16:00:00.000Z");
  });

  it("reports the last complete month, clamped to the plan's year", () => {
    const april10 = new Date("2018-04-10T04:00:00Z");
    expect(reportingMonth(2018, april10)).toBe(3);
    expect(currentMonth(2018, april10)).toBe(4);
    expect(reportingMonth(2019, april10)).toBe(0);
    expect(reportingMonth(2017, april10)).toBe(12);
    // 31 March 20:00 UTC is already 1 April in China: March is complete there.
    expect(reportingMonth(2018, new Date("2018-03-31T20:00:00Z"))).toBe(3);
  });

  it("knows which months have not begun", () => {
    const today = new Date("2018-04-10T04:00:00Z");
    expect(isFutureMonth(2018, 4, today)).toBe(false);
    expect(isFutureMonth(2018, 5, today)).toBe(true);
    expect(isFutureMonth(2019, 1, today)).toBe(true);
    expect(isFutureMonth(2017, 12, today)).toBe(false);
  });

  it("counts a report late from the day after its due day, in whole days in China", () => {
    // March's report is due by 5 April.
    const at = (iso: string) => new Date(iso);
    expect(daysOverdue(2018, 3, 5, at("2018-04-04T15:59:59.999Z"))).toBe(0); // 4 April, 23:59 in China
    expect(daysOverdue(2018, 3, 5, at("2018-04-05T15:59:59.999Z"))).toBe(0); // the due day itself
    expect(daysOverdue(2018, 3, 5, at("2018-04-05T16:00:00.000Z"))).toBe(1); // 6 April, 00:00 in China
    expect(daysOverdue(2018, 3, 5, at("2018-04-10T02:00:00.000Z"))).toBe(5); // the demo's 10 April
    expect(daysOverdue(2018, 12, 5, at("2019-01-07T04:00:00.000Z"))).toBe(2); // December's, across the year
    expect(daysOverdue(2018, 3, 5, at("2018-03-20T04:00:00.000Z"))).toBe(0); // not yet due
  });
});

describe("days in China", () => {
  it("an instant's calendar day and its first instant are China's", () => {
    expect(chinaDay(new Date("2018-04-05T16:30:00Z"))).toBe("2018-04-06");
    expect(chinaDay(new Date("2018-04-05T15:59:59Z"))).toBe("2018-04-05");
    expect(startOfChinaDayOf(new Date("2018-04-05T16:30:00Z")).toISOString()).toBe("2018-04-05T16:00:00.000Z");
  });

  it("the year starts at midnight of 1 January in China", () => {
    expect(startOfMonth(2018, 1).toISOString()).toBe("2017-12-31T16:00:00.000Z");
  });

  it("days late count whole days after the due instant, never below 0", () => {
    const due = new Date("2018-04-04T16:00:00Z");
    expect(daysLate(due, new Date("2018-04-03T00:00:00Z"))).toBe(0);
    expect(daysLate(due, new Date("2018-04-05T15:59:59Z"))).toBe(0);
    expect(daysLate(due, new Date("2018-04-05T16:00:00Z"))).toBe(1);
    expect(daysLate(due, new Date("2018-04-14T17:00:00Z"))).toBe(10);
  });
});
