import { describe, expect, it } from "vitest";
import { userRows } from "./view";

const user = {
  id: "u1",
  username: "wangqiang",
  name: "王强",
  title: null,
  disabled: false,
  mustChangePassword: true,
  version: 4,
  mobile: "13812341234",
  email: "wang@example.cn",
  org: { name: "城关镇" },
  department: { name: "经发办" },
  roles: [{ role: "LEAD" as const }, { role: "STAFF" as const }],
  leadOf: [{ campaign: { number: 7 } }, { campaign: { number: 2 } }],
};

describe("the users page's rows", () => {
  it("say where a person works, which campaigns they lead (by number) and their roles", () => {
    expect(userRows([user])[0]).toMatchObject({
      id: "u1",
      title: "",
      org: "城关镇 · 经发办",
      roles: ["LEAD", "STAFF"],
      campaigns: [2, 7],
      mustChangePassword: true,
      version: 4,
    });
  });

  it("mask the contacts and leave out those not given", () => {
    expect(userRows([user])[0]?.contact).toBe("138****1234 · w***@example.cn");
    expect(userRows([{ ...user, mobile: null, department: null }])[0]).toMatchObject({ org: "城关镇", contact: "w***@example.cn" });
    expect(userRows([{ ...user, mobile: null, email: null }])[0]?.contact).toBe("");
  });
});
