import { describe, expect, it } from "vitest";
import { DB_KINDS, useTestDatabase } from "@/lib/testing/db";
import { sessionUser } from "@/lib/testing/users";
import { updateContacts } from "./contacts-mutations";
import { contactsForEdit } from "./queries";

const form = {
  mobile: "138 1234 1234",
  email: "Chen.Jing@Town.example.cn",
  dingtalkUserId: "chenjing",
  wecomUserId: "",
  notifyChannels: ["EMAIL", "DINGTALK"],
};

describe.each(DB_KINDS)("contacts (%s)", (kind) => {
  const t = useTestDatabase(kind, "demo");

  it("a person saves their own; the audit trail keeps them masked; a stale form is refused", async () => {
    const lead = await sessionUser("lead1");
    const before = await contactsForEdit(lead, lead.id);
    expect(before).toMatchObject({ version: 1, contacts: { mobile: null, notifyChannels: [] } });
    expect(await updateContacts(lead, { ...form, userId: lead.id, version: "1" })).toEqual({ ok: true, data: { version: 2 } });
    const row = await t.prisma.user.findUniqueOrThrow({ where: { id: lead.id } });
    expect(row).toMatchObject({
      mobile: "13812341234",
      email: "chen.jing@town.example.cn",
      dingtalkUserId: "chenjing",
      wecomUserId: null,
      notifyChannels: ["EMAIL", "DINGTALK"],
      contactsVersion: 2,
    });
    const record = await t.prisma.auditRecord.findFirstOrThrow({ where: { action: "user.contacts", entityId: lead.id } });
    expect(JSON.stringify(record.newValues)).not.toContain("13812341234");
    expect(record.newValues).toMatchObject({ mobile: "138****1234", email: "c***@town.example.cn" });
    // The same (now stale) form again changes nothing.
    expect(await updateContacts(lead, { ...form, mobile: "13900000000", userId: lead.id, version: "1" })).toMatchObject({ ok: false, error: "conflict" });
    expect((await t.prisma.user.findUniqueOrThrow({ where: { id: lead.id } })).mobile).toBe("13812341234");
  });

  it("refuses a bad number with a field error; an admin edits others, nobody else does", async () => {
    const lead = await sessionUser("lead2");
    expect(await updateContacts(lead, { ...form, mobile: "12345", userId: lead.id, version: "1" })).toMatchObject({
      ok: false,
      error: "invalid",
      fieldErrors: { mobile: ["contacts.mobileInvalid"] },
    });
    const other = await t.prisma.user.findUniqueOrThrow({ where: { username: "lead3" } });
    expect(await updateContacts(lead, { ...form, userId: other.id, version: "1" })).toEqual({ ok: false, error: "notFound" });
    expect(await contactsForEdit(lead, other.id)).toBeNull();
    const admin = await sessionUser("admin");
    expect(await updateContacts(admin, { ...form, userId: other.id, version: "1" })).toMatchObject({ ok: true });
    expect((await contactsForEdit(admin, other.id))?.contacts.mobile).toBe("13812341234");
  });
});
