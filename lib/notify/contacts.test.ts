import { describe, expect, it } from "vitest";
import { contactsFromForm, contactsSchema, maskEmail, maskMobile } from "./contacts";

const blank = { mobile: "", email: "", dingtalkUserId: "", wecomUserId: "", notifyChannels: [] };

describe("contacts", () => {
  it("accepts mainland mobile numbers, with or without +86 and separators", () => {
    for (const raw of ["13812341234", "+86 138-1234-1234", "8613812341234", "19912345678"]) {
      const r = contactsSchema.safeParse({ ...blank, mobile: raw });
      expect(r.success, raw).toBe(true);
      expect(r.data?.mobile).toMatch(/^1[3-9]\d{9}$/);
    }
  });

  it("refuses other numbers and bad addresses with catalogue keys", () => {
    for (const raw of ["12812341234", "1381234123", "138123412345", "0571-88888888", "abc"]) {
      const r = contactsSchema.safeParse({ ...blank, mobile: raw });
      expect(r.success, raw).toBe(false);
      expect(r.error?.issues[0]?.message).toBe("contacts.mobileInvalid");
    }
    const e = contactsSchema.safeParse({ ...blank, email: "not-an-address" });
    expect(e.error?.issues[0]?.message).toBe("contacts.emailInvalid");
    const id = contactsSchema.safeParse({ ...blank, dingtalkUserId: "a b" });
    expect(id.error?.issues[0]?.message).toBe("contacts.idInvalid");
  });

  it("empties become null, emails lower case, channels once each", () => {
    const r = contactsSchema.parse({ ...blank, email: " Li.Ming@Town.GOV.cn ", notifyChannels: ["EMAIL", "EMAIL", "DINGTALK"] });
    expect(r).toEqual({ mobile: null, email: "li.ming@town.gov.cn", dingtalkUserId: null, wecomUserId: null, notifyChannels: ["EMAIL", "DINGTALK"] });
  });

  it("a chosen channel needs its contact; an unknown channel is refused", () => {
    const r = contactsSchema.safeParse({ ...blank, notifyChannels: ["EMAIL", "SMS"] });
    expect(r.error?.issues.map((i) => [i.path.join("."), i.message])).toEqual([
      ["email", "contacts.emailNeeded"],
      ["mobile", "contacts.mobileNeeded"],
    ]);
    expect(contactsSchema.safeParse({ ...blank, notifyChannels: ["WEBHOOK"] }).success).toBe(false);
  });

  it("masks numbers and addresses for lists and exports", () => {
    expect(maskMobile("13812341234")).toBe("138****1234");
    expect(maskMobile(null)).toBe("");
    expect(maskMobile("12345")).toBe("***45");
    expect(maskEmail("alice@x.cn")).toBe("a***@x.cn");
    expect(maskEmail("@x.cn")).toBe("***");
    expect(maskEmail(undefined)).toBe("");
  });
});

describe("the posted contacts form", () => {
  it("reads absent text fields as empty and the channels as a list", () => {
    expect(contactsFromForm({ mobile: "138 1234 1234", notifyChannels: ["SMS"] })).toEqual({
      mobile: "138 1234 1234",
      email: "",
      dingtalkUserId: "",
      wecomUserId: "",
      notifyChannels: ["SMS"],
    });
    expect(contactsFromForm({}).notifyChannels).toEqual([]);
  });
});
