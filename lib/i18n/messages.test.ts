// The two message catalogues must stay in step: the same keys, no blanks, and the same ICU
// arguments ({year}, {count, plural, …}) in each message, so neither locale renders a raw brace or
// silently drops a value.
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

const ROOT = path.resolve(import.meta.dirname, "../..");
const load = (locale: string) => JSON.parse(readFileSync(path.join(ROOT, "messages", `${locale}.json`), "utf8")) as unknown;

/** Every leaf of a nested message object as [dotted key path, value]. */
function leaves(node: unknown, prefix = ""): [string, unknown][] {
  if (node !== null && typeof node === "object" && !Array.isArray(node)) {
    return Object.entries(node).flatMap(([k, v]) => leaves(v, prefix ? `${prefix}.${k}` : k));
  }
  return [[prefix, node]];
}

/**
 * The argument names of an ICU message: {name}, {name, number}, {name, plural, one {…} other {…}}.
 * Branch bodies of plural/select are messages themselves and are searched too; their keys
 * (one, other, =0, …) are not arguments. Apostrophe quoting follows ICU ('' is a quote, '{…}' literal).
 */
function icuArguments(message: string): Set<string> {
  const names = new Set<string>();
  let i = 0;

  const fail = (why: string): never => {
    throw new Error(`${why} at ${i} in ${JSON.stringify(message)}`);
  };
  const skipSpace = () => {
    while (i < message.length && /\s/.test(message.charAt(i))) i++;
  };
  const word = () => {
    skipSpace();
    const start = i;
    while (i < message.length && !/[\s,{}]/.test(message.charAt(i))) i++;
    return message.slice(start, i);
  };

  // Text until the closing brace of the enclosing argument (or the end at the top level).
  function text(nested: boolean) {
    while (i < message.length) {
      const ch = message[i];
      if (ch === "'") {
        if (message[i + 1] === "'") {
          i += 2;
        } else if (message[i + 1] === "{" || message[i + 1] === "}" || message[i + 1] === "#") {
          const end = message.indexOf("'", i + 1);
          i = end === -1 ? message.length : end + 1;
        } else {
          i++;
        }
      } else if (ch === "{") {
        i++;
        argument();
      } else if (ch === "}") {
        if (!nested) fail("unbalanced }");
        return;
      } else {
        i++;
      }
    }
    if (nested) fail("unclosed {");
  }

  // After "{": name [, type [, style | branches]] "}"
  function argument() {
    const name = word();
    if (!/^[\p{L}\p{N}_]+$/u.test(name)) fail(`bad argument name ${JSON.stringify(name)}`);
    names.add(name);
    skipSpace();
    if (message[i] === "}") {
      i++;
      return;
    }
    if (message[i] !== ",") fail("expected , or }");
    i++;
    const type = word();
    skipSpace();
    if (message[i] === "}") {
      i++;
      return;
    }
    if (message[i] !== ",") fail("expected , or }");
    i++;
    if (type === "plural" || type === "select" || type === "selectordinal") {
      for (;;) {
        skipSpace();
        if (message[i] === "}") {
          i++;
          return;
        }
        const key = word();
        if (!key) fail("expected a branch key");
        if (key.startsWith("offset:")) continue;
        skipSpace();
        if (message[i] !== "{") fail(`expected { after branch ${key}`);
        i++;
        text(true);
        i++; // the branch's "}"
      }
    }
    // number/date/time with a style: skip to the matching brace.
    let depth = 1;
    while (i < message.length && depth > 0) {
      if (message[i] === "{") depth++;
      else if (message[i] === "}") depth--;
      i++;
    }
    if (depth > 0) fail("unclosed {");
  }

  text(false);
  return names;
}

const zh = new Map(leaves(load("zh-CN")));
const en = new Map(leaves(load("en")));

describe("icuArguments (the helper of this test)", () => {
  it.each([
    ["没有参数", []],
    ["{year}年（对照{baselineYear}年）", ["year", "baselineYear"]],
    ["{count, plural, one {# campaign} other {# campaigns}}", ["count"]],
    ["{count, plural, =0 {none} one {{name} alone} other {{name} and # more}}", ["count", "name"]],
    ["{gender, select, male {he} other {they}} left", ["gender"]],
    ["{n, number, ::percent} done", ["n"]],
    ["It''s '{literal}' and {real}", ["real"]],
    ["don't stop {x}", ["x"]],
  ])("finds the arguments of %j", (message, expected) => {
    expect([...icuArguments(message)].sort()).toEqual([...expected].sort());
  });

  it.each(["{unclosed", "closed}", "{a b}", "{n, plural, one # other {x}}"])("rejects the malformed message %j", (message) => {
    expect(() => icuArguments(message)).toThrow();
  });
});

describe("message catalogues", () => {
  it("are non-trivial", () => {
    expect(zh.size).toBeGreaterThan(20);
    expect(en.size).toBeGreaterThan(20);
  });

  it("have exactly the same key paths", () => {
    const onlyZh = [...zh.keys()].filter((k) => !en.has(k));
    const onlyEn = [...en.keys()].filter((k) => !zh.has(k));
    expect({ onlyZh, onlyEn }).toEqual({ onlyZh: [], onlyEn: [] });
  });

  it.each([
    ["zh-CN", zh],
    ["en", en],
  ] as const)("%s has only non-empty string messages", (_locale, catalogue) => {
    const bad = [...catalogue].filter(([, v]) => typeof v !== "string" || v.trim() === "").map(([k]) => k);
    expect(bad).toEqual([]);
  });

  it.each([
    ["zh-CN", zh],
    ["en", en],
  ] as const)("%s has only well-formed ICU messages", (_locale, catalogue) => {
    for (const [key, value] of catalogue) {
      if (typeof value !== "string") continue;
      expect(() => icuArguments(value), key).not.toThrow();
    }
  });

  it("uses the same ICU arguments in both languages for every key", () => {
    const mismatches: string[] = [];
    for (const [key, zhValue] of zh) {
      const enValue = en.get(key);
      if (typeof zhValue !== "string" || typeof enValue !== "string") continue;
      const a = [...icuArguments(zhValue)].sort();
      const b = [...icuArguments(enValue)].sort();
      if (a.join() !== b.join()) mismatches.push(`${key}: zh-CN {${a.join(", ")}} vs en {${b.join(", ")}}`);
    }
    expect(mismatches).toEqual([]);
  });

  it("has messages with arguments to compare (the check above is not vacuous)", () => {
    const withArgs = [...zh.values()].filter((v) => typeof v === "string" && icuArguments(v).size > 0);
    expect(withArgs.length).toBeGreaterThan(5);
  });
});
