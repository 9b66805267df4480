import { describe, expect, it } from "vitest";
import { generatePassword, passwordProblem } from "./password-rules";

describe("passwordProblem", () => {
  it.each([
    ["7 characters", "Xk7pQ2m", "zhangsan", "password.tooShort"],
    ["129 characters", "a-Long-Passphrase-".repeat(8).slice(0, 129), "zhangsan", "password.tooLong"],
    ["the username", "zhangsan2018", "zhangsan2018", "password.sameAsUsername"],
    ["the username in capitals", "ZhangSan2018", "zhangsan2018", "password.sameAsUsername"],
    ["password", "password", "zhangsan", "password.common"],
    ["12345678", "12345678", "zhangsan", "password.common"],
    ["qwertyui", "qwertyui", "zhangsan", "password.common"],
    ["a common password in other case", "PassWord", "zhangsan", "password.common"],
    ["a keyboard run not in the list", "abcdefgh", "zhangsan", "password.weak"],
    ["one repeated digit", "88888888", "zhangsan", "password.weak"],
    ["the username with a suffix", "zhangsan1", "zhangsan", "password.weak"],
  ])("refuses %s", (_what, password, username, problem) => {
    expect(passwordProblem(password, username)).toBe(problem);
  });

  it.each(["gentle-ripple-7-orbit", "correct horse battery staple", "Tz9!kLm2#qW", "Shendang2018"])("accepts %j", (password) => {
    expect(passwordProblem(password, "zhangsan")).toBeNull();
  });
});

describe("generatePassword", () => {
  it("makes passwords that pass the rules, in readable groups, each different", () => {
    const made = Array.from({ length: 20 }, () => generatePassword("zhangsan"));
    for (const p of made) {
      expect(p).toMatch(/^[a-zA-Z2-9]{4}-[a-zA-Z2-9]{4}-[a-zA-Z2-9]{4}$/);
      expect(p).not.toMatch(/[01OlI]/);
      expect(passwordProblem(p, "zhangsan")).toBeNull();
    }
    expect(new Set(made).size).toBe(made.length);
  });
});
