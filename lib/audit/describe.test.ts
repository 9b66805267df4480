import { describe, expect, it } from "vitest";
import { actionText, actorText, changeLines, describeChanges, describeRecord, entityText, fieldText, valueText } from "./describe";
import { actionsNamed, auditWords } from "./wording";

const zh = auditWords("zh-CN", { ctask0000000000000000000001: "村庄摸底", cind00000000000000000000001: "外出招商天数" });
const en = auditWords("en");

describe("an audit record in words", () => {
  it.each([
    ["report.submit", "提交审核"],
    ["task.progress", "更新任务进度"],
    ["user.resetPassword", "重置密码"],
    ["audit.export", "导出审计记录"],
    ["test.user.create", "创建测试用户"],
    ["something.new", "something.new"],
  ])("names the action %s as %s, from the audit catalogue first, then the viewer's own", (code, words) => {
    expect(actionText(zh.t, code)).toBe(words);
  });

  it("names fields and entity types, and keeps keys it has no words for (dots and all)", () => {
    expect(fieldText(zh.t, "percentDone")).toBe("完成百分比");
    expect(fieldText(zh.t, "mustChangePassword")).toBe("须修改密码");
    expect(fieldText(zh.t, "value.c123")).toBe("value.c123");
    expect(fieldText(zh.t, "")).toBe("");
    expect(entityText(zh.t, "ProgressReport")).toBe("进度报告");
    expect(entityText(en.t, "Task")).toBe("Task");
    expect(entityText(zh.t, "Unheard")).toBe("Unheard");
  });

  it("says stored codes, yes/no, times and ids the way people read them", () => {
    expect(valueText("APPROVED", zh)).toBe("已通过");
    expect(valueText("IN_PROGRESS", zh)).toBe("进行中");
    expect(valueText(["LEADER", "LEAD"], zh)).toBe("镇领导、牵头人");
    expect(valueText(true, zh)).toBe("是");
    expect(valueText(false, en)).toBe("No");
    expect(valueText(null, zh)).toBe("—");
    expect(valueText("", zh)).toBe("—");
    expect(valueText("2018-06-30T16:00:00.000Z", zh)).toBe("2018/07/01 00:00");
    expect(valueText("ctask0000000000000000000001", zh)).toBe("村庄摸底");
    expect(valueText("完成。DONE", zh)).toBe("完成。DONE");
  });

  it("lists nested values by name, e.g. a report's figures keyed by indicator", () => {
    expect(valueText({ cind00000000000000000000001: "393", cother000000000000000000001: "2" }, zh)).toBe("外出招商天数 393；cother000000000000000000001 2");
    expect(valueText({ ctask0000000000000000000001: { percentDone: 40, status: "DONE" } }, zh)).toBe("村庄摸底 完成百分比 40，状态 已完成");
    expect(valueText([{ a: 1 }, { a: 2 }], zh)).toBe("[2]");
  });

  it("cuts long text only when asked", () => {
    const long = "很".repeat(100);
    expect(valueText(long, { ...zh, limit: 10 })).toBe(`${"很".repeat(10)}…`);
    expect(valueText(long, zh)).toBe(long);
  });

  it("gives each field old → new; a created record has no old side, a deleted one an empty new side", () => {
    expect(describeChanges({ status: "SUBMITTED" }, { status: "RETURNED", returnReason: "请补充" }, zh)).toEqual([
      { field: "状态", old: "待审核", new: "已退回" },
      { field: "退回理由", old: null, new: "请补充" },
    ]);
    expect(describeChanges(null, { name: "党政办" }, zh)).toEqual([{ field: "名称", old: null, new: "党政办" }]);
    expect(describeChanges({ name: "旧名" }, null, zh)).toEqual([{ field: "名称", old: "旧名", new: "—" }]);
    expect(describeChanges(null, null, zh)).toEqual([]);
  });

  it("writes the changes as one line per side for a file", () => {
    const changes = describeChanges({ status: "SUBMITTED" }, { status: "RETURNED", returnReason: "请补充" }, zh);
    expect(changeLines(changes)).toEqual({ old: "状态：待审核", new: "状态：已退回；退回理由：请补充" });
  });

  it("names the system's own records, and describes a whole record", () => {
    expect(actorText(zh.t, { actorId: null, actorName: "system" })).toBe("系统");
    expect(actorText(zh.t, { actorId: "u1", actorName: "system" })).toBe("system");
    const record = describeRecord(
      { actorId: "u1", actorName: "陈静", action: "task.progress", entityType: "Task", entityId: "ctask0000000000000000000001", campaignId: null, oldValues: { percentDone: 10 }, newValues: { percentDone: 40 } },
      zh,
    );
    expect(record).toEqual({
      person: "陈静",
      action: "更新任务进度",
      entityType: "任务",
      entityName: "村庄摸底",
      campaign: "",
      changes: [{ field: "完成百分比", old: "10", new: "40" }],
    });
  });

  it("finds action codes by their words in either language", () => {
    expect(actionsNamed("审核")).toEqual(expect.arrayContaining(["report.submit", "report.approve"]));
    expect(actionsNamed("password")).toEqual(expect.arrayContaining(["user.resetPassword", "user.changePassword"]));
    expect(actionsNamed("   ")).toEqual([]);
    expect(actionsNamed("无此操作")).toEqual([]);
  });
});
