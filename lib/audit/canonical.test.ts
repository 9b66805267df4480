import { describe, expect, it } from "vitest";
import { canonicalJson, recordHash, toJson, type HashedFields, type Json } from "@/lib/audit/canonical";
import { Prisma } from "@/generated/prisma/client";

const { default: Decimal } = await import("decimal.js");

describe("toJson", () => {
  it.each([
    [null, null],
    ["text", "text"],
    [true, true],
    [false, false],
    [42, 42],
    [-1.5, -1.5],
  ])("keeps the plain value %j", (value, expected) => {
    expect(toJson(value)).toBe(expected);
  });

  it("returns undefined for undefined", () => {
    expect(toJson(undefined)).toBeUndefined();
  });

  it.each([
    ["1.50", "1.5"],
    ["56.5800", "56.58"],
    ["-0.001", "-0.001"],
    ["1e21", "1000000000000000000000"],
    ["1e-7", "0.0000001"],
  ])("writes the Decimal %s as the string %j", (input, expected) => {
    expect(toJson(new Decimal(input))).toBe(expected);
  });

  it("writes a Prisma Decimal (what the database returns) as its plain string", () => {
    expect(toJson(new Prisma.Decimal("56.5800"))).toBe("56.58");
    expect(toJson({ v: new Prisma.Decimal("1.50") })).toEqual({ v: "1.5" });
  });

  it("writes a Date as its ISO string", () => {
    expect(toJson(new Date("2018-03-31T20:00:00Z"))).toBe("2018-03-31T20:00:00.000Z");
  });

  it("writes a bigint as a string", () => {
    expect(toJson(12345678901234567890n)).toBe("12345678901234567890");
  });

  it.each([
    [Number.NaN, "NaN"],
    [Number.POSITIVE_INFINITY, "Infinity"],
    [Number.NEGATIVE_INFINITY, "-Infinity"],
  ])("writes the non-finite number %s as a string", (value, expected) => {
    expect(toJson(value)).toBe(expected);
  });

  it("converts nested objects and arrays, dropping undefined fields", () => {
    const input = {
      name: "任务",
      amount: new Decimal("1.50"),
      due: new Date("2018-06-30T16:00:00Z"),
      missing: undefined,
      nested: { count: 3n, gone: undefined, list: [new Decimal("2.0"), new Date(0), "x"] },
    };
    expect(toJson(input)).toEqual({
      name: "任务",
      amount: "1.5",
      due: "2018-06-30T16:00:00.000Z",
      nested: { count: "3", list: ["2", "1970-01-01T00:00:00.000Z", "x"] },
    });
    expect(Object.keys(toJson(input) as object)).not.toContain("missing");
  });

  it("keeps undefined array entries as null so positions hold", () => {
    expect(toJson([1, undefined, 3])).toEqual([1, null, 3]);
  });

  it("gives a result that survives a JSON round trip unchanged", () => {
    const json = toJson({ a: new Decimal("9.99"), b: [new Date(1000), { c: 1n }] });
    expect(JSON.parse(JSON.stringify(json))).toEqual(json);
  });
});

describe("recordHash", () => {
  const base: HashedFields = {
    prevHash: null,
    at: "2018-03-31T20:00:00.000Z",
    actorId: "u1",
    actorName: "张三",
    action: "task.progress",
    entityType: "Task",
    entityId: "t1",
    orgId: "o1",
    campaignId: "c1",
    oldValues: { percent: 10, meta: { a: 1, b: [1, 2] } },
    newValues: { percent: 40, meta: { a: 2, b: [1, 2] } },
  };

  it("is a 64-character hex SHA-256", () => {
    expect(recordHash(base)).toMatch(/^[0-9a-f]{64}$/);
  });

  it("is the same for the same fields", () => {
    expect(recordHash(base)).toBe(recordHash(structuredClone(base)));
  });

  it("does not depend on key order, at the top level or nested", () => {
    const reordered = Object.fromEntries(Object.entries(base).reverse()) as unknown as HashedFields;
    reordered.oldValues = { meta: { b: [1, 2], a: 1 }, percent: 10 };
    reordered.newValues = { meta: { b: [1, 2], a: 2 }, percent: 40 };
    expect(recordHash(reordered)).toBe(recordHash(base));
  });

  it("depends on the order of array items", () => {
    expect(recordHash({ ...base, newValues: { percent: 40, meta: { a: 2, b: [2, 1] } } })).not.toBe(recordHash(base));
  });

  it.each<[keyof HashedFields, HashedFields[keyof HashedFields]]>([
    ["prevHash", "a".repeat(64)],
    ["at", "2018-03-31T20:00:00.001Z"],
    ["actorId", "u2"],
    ["actorName", "李四"],
    ["action", "task.edit"],
    ["entityType", "Campaign"],
    ["entityId", "t2"],
    ["orgId", "o2"],
    ["campaignId", null],
    ["oldValues", { percent: 11, meta: { a: 1, b: [1, 2] } }],
    ["newValues", null],
  ])("changes when %s changes", (key, value) => {
    expect(recordHash({ ...base, [key]: value })).not.toBe(recordHash(base));
  });

  it("chains: two different previous hashes give different hashes for the same record", () => {
    expect(recordHash({ ...base, prevHash: "a".repeat(64) })).not.toBe(recordHash({ ...base, prevHash: "b".repeat(64) }));
  });

  it("distinguishes a null field from a missing-looking empty string", () => {
    expect(recordHash({ ...base, orgId: "" })).not.toBe(recordHash({ ...base, orgId: null }));
  });
});

// Every stored audit hash depends on this text: a library upgrade that changed it would break the
// chain of every installation. The record below (CJK, an emoji, escapes, numbers at the edges of
// their notation) and its hash were computed with the code that wrote the first audit records.
describe("the text an audit hash is over", () => {
  const fields: HashedFields = {
    prevHash: "9f".repeat(32),
    at: "2018-04-10T01:30:00.000Z",
    actorId: "ckuser0001",
    actorName: "陈静",
    action: "report.submit",
    entityType: "ProgressReport",
    entityId: "ckreport001",
    orgId: "ckorg0001",
    campaignId: null,
    oldValues: { status: "DRAFT", version: 1 },
    newValues: {
      status: "SUBMITTED",
      version: 2,
      values: { 整治企业: "31", 投入资金: "126.5" },
      narrative: '完成"一季度"摸底\n排查\t😀\u0007',
      ratio: 0.1,
      big: 1e21,
      small: 1e-7,
      neg: -0,
      list: [3, "b", null, true],
    },
  };

  it("has not changed since the first audit records were written", () => {
    expect(canonicalJson({ ...fields })).toBe(
      '{"action":"report.submit","actorId":"ckuser0001","actorName":"陈静","at":"2018-04-10T01:30:00.000Z","campaignId":null,"entityId":"ckreport001","entityType":"ProgressReport","newValues":{"big":1e+21,"list":[3,"b",null,true],"narrative":"完成\\"一季度\\"摸底\\n排查\\t😀\\u0007","neg":0,"ratio":0.1,"small":1e-7,"status":"SUBMITTED","values":{"投入资金":"126.5","整治企业":"31"},"version":2},"oldValues":{"status":"DRAFT","version":1},"orgId":"ckorg0001","prevHash":"' +
        "9f".repeat(32) +
        '"}',
    );
    expect(recordHash(fields)).toBe("beb594c9504dbf0f2f14b2e227f3cbdc39d5f6c085140216cb9282a43ea80782");
  });

  // RFC 8785 (JSON Canonicalization Scheme), section 3.2.2: numbers, string escapes, literals.
  it("is RFC 8785's canonical JSON for the RFC's own example", () => {
    const input = JSON.parse(
      '{"numbers": [333333333.33333329, 1E30, 4.50, 2e-3, 0.000000000000000000000000001], "string": "\\u20ac$\\u000F\\u000aA\'\\u0042\\u0022\\u005c\\\\\\"\\/", "literals": [null, true, false]}',
    ) as Json;
    expect(canonicalJson(input)).toBe(
      '{"literals":[null,true,false],"numbers":[333333333.3333333,1e+30,4.5,0.002,1e-27],"string":"€$\\u000f\\nA\'B\\"\\\\\\\\\\"/"}',
    );
  });

  // RFC 8785, section 3.2.3: keys sorted by their UTF-16 code units, whatever the script.
  it("sorts keys as RFC 8785 does", () => {
    const input = {
      "\u20ac": "Euro Sign",
      "\r": "Carriage Return",
      "\ufb33": "Hebrew Letter Dalet With Dagesh",
      "1": "One",
      "\ud83d\ude00": "Emoji: Grinning Face",
      "\u0080": "Control",
      "\u00f6": "Latin Small Letter O With Diaeresis",
    };
    expect(canonicalJson(input)).toBe(
      '{"\\r":"Carriage Return","1":"One","\u0080":"Control","ö":"Latin Small Letter O With Diaeresis","€":"Euro Sign","😀":"Emoji: Grinning Face","\ufb33":"Hebrew Letter Dalet With Dagesh"}',
    );
  });

  // RFC 8785, appendix B: IEEE 754 doubles as ECMAScript writes them.
  it.each([
    [0, "0"],
    [-0, "0"],
    [5e-324, "5e-324"],
    [1.7976931348623157e308, "1.7976931348623157e+308"],
    [9007199254740992, "9007199254740992"],
    [295147905179352830000, "295147905179352830000"],
    [1e21, "1e+21"],
    [0.000001, "0.000001"],
    [1e-7, "1e-7"],
  ])("writes the number %s as %s", (value, expected) => {
    expect(canonicalJson([value])).toBe(`[${expected}]`);
  });
});
