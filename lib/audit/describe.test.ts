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
    expect(valueText({ cind00000000000000000000001: "393", cother000000000000000000001: "2" }, zh)).toBe("外出招商天数 393；（已删除或无权查看的记录） 2");
    expect(valueText({ ctask0000000000000000000001: { percentDone: 40, status: "DONE" } }, zh)).toBe("村庄摸底 完成百分比 40，状态 已完成");
    expect(valueText([{ a: 1 }, { a: 2 }], zh)).toBe("2项");
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
      {
        actorId: "u1",
        actorName: "陈静",
        action: "task.progress",
        entityType: "Task",
        entityId: "ctask0000000000000000000001",
        campaignId: null,
        oldValues: { percentDone: 10 },
        newValues: { percentDone: 40 },
      },
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

  it("labels a field as a field of its entity: a user's title is 职务, a plan's 计划名称, a task's 任务名称", () => {
    expect(describeChanges({ title: "副镇长" }, { title: "镇长" }, zh, "User")).toEqual([{ field: "职务", old: "副镇长", new: "镇长" }]);
    expect(describeChanges(null, { name: "陈静", title: "副镇长" }, zh, "User").map((c) => c.field)).toEqual(["姓名", "职务"]);
    expect(fieldText(zh.t, "title", "Plan")).toBe("计划名称");
    expect(fieldText(zh.t, "title", "Task")).toBe("任务名称");
    expect(fieldText(en.t, "title", "User")).toBe("Job title");
  });

  it("words a code by the field that holds it, and leaves bookkeeping and unknown ids out", () => {
    expect(describeChanges({ status: "DRAFT" }, { status: "ACTIVE" }, zh, "Plan")).toEqual([{ field: "计划状态", old: "草稿", new: "执行中" }]);
    expect(describeChanges(null, { planChange: { kind: "ADJUSTMENT", status: "PENDING", fromMonth: 4 } }, zh, "Indicator")).toEqual([
      { field: "计划变更", old: null, new: "类型 目标调整；生效状态 待审批；起始月份 4" },
    ]);
    expect(
      describeChanges(
        { status: "IN_PROGRESS", version: 3, updatedAt: "2018-04-01T00:00:00.000Z", orgId: "corg00000000000000000000001" },
        { status: "DONE", version: 4 },
        zh,
        "Task",
      ),
    ).toEqual([{ field: "任务状态", old: "进行中", new: "已完成" }]);
    expect(describeChanges(null, { direction: "HIGHER_BETTER", accumulation: "LEVEL" }, zh, "Indicator").map((c) => c.new)).toEqual(["越高越好", "时点值"]);
    expect(describeChanges(null, { sessionsEnded: 2, by: "self" }, zh, "User").map((c) => c.new)).toEqual(["2", "本人"]);
    expect(describeChanges(null, { baselineMonths: { "1": "10", "2": "12" } }, zh, "Indicator")[0]?.new).toBe("1月 10；2月 12");
    expect(describeChanges(null, { ownerId: "cgone00000000000000000000001" }, zh, "Task")[0]?.new).toBe("（已删除或无权查看的记录）");
    expect(
      describeRecord(
        {
          actorId: "u1",
          actorName: "陈静",
          action: "task.update",
          entityType: "Task",
          entityId: "cx00000000000000000000001",
          campaignId: "cgone00000000000000000000001",
          oldValues: null,
          newValues: null,
        },
        zh,
      ).campaign,
    ).toBe("（已删除或无权查看的记录）");
  });

  // Every field a write records today (collected from the database tests' audit records), by entity:
  // each has words in both languages, so no internal name reaches a reader.
  const RECORDED: Record<string, string[]> = {
    Attachment: ["fileName", "reportId", "sha256", "size"],
    AuditRecord: ["filters", "format", "rows", "truncated"],
    Campaign: [
      "cooperatingIds",
      "daysLate",
      "description",
      "endDate",
      "escalated",
      "forced",
      "leadDepartmentId",
      "leadIds",
      "leadingOfficialId",
      "month",
      "name",
      "nameEn",
      "number",
      "reason",
      "recipients",
      "reviewerId",
      "startDate",
      "step",
      "year",
    ],
    Comment: ["body", "reportId", "taskId"],
    Department: ["name"],
    Indicator: [
      "accumulation",
      "allowOutOfRange",
      "baseline",
      "baselineIsSample",
      "baselineMonths",
      "baselineNote",
      "dataSource",
      "decimals",
      "direction",
      "fromMonth",
      "name",
      "nameEn",
      "note",
      "planChange",
      "status",
      "target",
      "trajectory",
      "unit",
      "kind",
      "planned",
      "reason",
    ],
    LoginThrottle: ["address", "failures", "lockedUntil", "username"],
    Plan: [
      "baselineYear",
      "baselines",
      "campaigns",
      "carriedTasks",
      "carryUnfinishedTasks",
      "created",
      "createdRows",
      "documentFirstMonth",
      "documentIssuer",
      "escalateAfterDays",
      "file",
      "goals",
      "indicators",
      "isSample",
      "lightRules",
      "planCreated",
      "preReview",
      "reportDueDay",
      "rolledFrom",
      "rules",
      "status",
      "targetChangeNeedsApproval",
      "tasks",
      "title",
      "titleEn",
      "updated",
      "updatedRows",
      "year",
      "ytd",
      "rate",
      "level",
      "task",
      "campaign",
      "green",
      "amber",
      "indicatorShare",
      "countUnapproved",
      "sheet",
      "row",
      "fields",
      "key",
      "value",
      "provisional",
      "fileName",
      "sha256",
    ],
    ProgressReport: [
      "correctionOf",
      "decreaseReasons",
      "month",
      "nextStepsText",
      "preReviewedAt",
      "problemsText",
      "progressText",
      "returnReason",
      "revision",
      "status",
      "submittedAt",
      "tasks",
      "values",
      "year",
      "percentDone",
      "note",
    ],
    SummaryArchive: ["appendix", "campaigns", "fileName", "format", "month", "sha256", "size"],
    Task: ["dueDate", "note", "ownerId", "parentId", "percentDone", "planChange", "startDate", "status", "title", "weight"],
    User: [
      "by",
      "campaignIds",
      "departmentId",
      "dingtalkUserId",
      "disabled",
      "email",
      "isPrincipal",
      "mobile",
      "mustChangePassword",
      "name",
      "notifyChannels",
      "roles",
      "sessionsEnded",
      "title",
      "username",
      "wecomUserId",
    ],
  };
  it.each(Object.entries(RECORDED))("has words for every field a %s record holds, in Chinese and in English", (entity, fields) => {
    for (const words of [zh, en]) {
      for (const field of fields) expect.soft(fieldText(words.t, field, entity), `${entity}.${field}`).not.toBe(field);
    }
    expect(entityText(zh.t, entity)).not.toBe(entity);
  });
});
