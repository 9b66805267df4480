// The dry run: what importing a parsed workbook into a town would do, row by row (新增 / 更新 with
// the fields / 不变 / 错误), and the exact changes apply.ts writes. Pure: the database side comes in
// as an ImportContext. Rows the file does not have are never in the changes (nothing is deleted).
//
// The fingerprint covers every stored row the dry run matched (id and version) and every change it
// found; apply.ts computes it again inside its transaction and refuses when they differ, i.e. when
// the plan changed in any way between the dry run and the confirm.
import { createHash } from "node:crypto";
import { trajectory } from "@/lib/indicators/trajectory";
import { headerOf, type SheetId } from "./format";
import {
  CAMPAIGN_FIELDS,
  canonDecimal,
  changedFields,
  INDICATOR_FIELDS,
  PLAN_FIELDS,
  TASK_FIELDS,
  type CampaignValues,
  type ImportContext,
  type IndicatorValues,
  type PlanValues,
  type TaskValues,
} from "./model";
import { Directory, type Resolved } from "./resolve";
import type { CellError, Fate, IndicatorRow, ParsedWorkbook, RowFate } from "./types";

/** A row to write: id null creates it, else the fields in `changed` are updated from `values`. */
export interface Change<V> {
  sheet: SheetId;
  row: number;
  id: string | null;
  version: number | null;
  values: V;
  changed: string[];
}
export type IndicatorChange = Change<IndicatorValues> & { key: string; sortOrder: number };
export type TaskChange = Change<TaskValues> & { sortOrder: number };

export interface ImportChanges {
  plan: Change<PlanValues> | null;
  campaigns: Change<CampaignValues>[];
  indicators: IndicatorChange[];
  tasks: TaskChange[];
}

export interface DryRun {
  /** The plan the file is for (null when its 计划 row does not read), and its id when it exists. */
  plan: { year: number; title: string; id: string | null; version: number | null } | null;
  fates: RowFate[];
  errors: CellError[];
  counts: Record<Fate, number>;
  /** Only rows to create or update. */
  changes: ImportChanges;
  fingerprint: string;
}

interface Stored {
  id: string;
  version: number;
}

const sha256 = (text: string) => createHash("sha256").update(text).digest("hex");
const pair = (a: number | null, b: string) => `${a ?? ""}\u0000${b}`;

function groupBy<T>(items: readonly T[], keyOf: (item: T) => string): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const item of items) out.set(keyOf(item), [...(out.get(keyOf(item)) ?? []), item]);
  return out;
}

/** The twelve planned values the row asks for (none when 进度分配 is empty). */
export function plannedValues(row: Pick<IndicatorRow, "distribution" | "months" | "accumulation" | "baseline" | "target" | "decimals">): string[] {
  if (row.distribution === null) return [];
  if (row.distribution === "monthly") return row.months.map((m) => canonDecimal(m));
  return trajectory(row.accumulation, row.baseline, row.target ?? "0", row.distribution, row.decimals).map(canonDecimal);
}

/** A new indicator's key: stable for its campaign and name, unique in the plan. */
function newIndicatorKey(campaignNumber: number | null, name: string, used: Set<string>): string {
  const base = `imp-${sha256(pair(campaignNumber, name)).slice(0, 10)}`;
  let key = base;
  for (let n = 2; used.has(key); n++) key = `${base}-${n}`;
  used.add(key);
  return key;
}

export function diffImport(parsed: ParsedWorkbook, context: ImportContext): DryRun {
  const errors: CellError[] = [...parsed.errors];
  const decided = new Map<string, { fate: Fate; changed: string[] }>();
  const seen: string[] = [];
  const stored = context.plan;
  const directory = new Directory(context.departments, context.people);

  const problem = (sheet: SheetId, row: number, column: string, p: { key: CellError["key"]; values?: CellError["values"] }) =>
    errors.push({ sheet, row, column: headerOf(sheet, column), letter: parsed.letters[sheet][column] ?? null, key: p.key, values: p.values });
  /** The id, or undefined after recording the problem. */
  const resolved = (sheet: SheetId, row: number, column: string, r: Resolved) => {
    if (r.ok) return r.id;
    problem(sheet, row, column, r);
    return undefined;
  };

  /** Dates outside the plan year, as the plan forms refuse them; true when there was one. */
  const outsideYear = (sheet: SheetId, row: number, dates: Record<string, string | null>): boolean => {
    const year = parsed.plan?.year;
    const outside = Object.entries(dates).filter(([, d]) => year !== undefined && d !== null && Number(d.slice(0, 4)) !== year);
    for (const [column] of outside) problem(sheet, row, column, { key: "outsideYear", values: { year: year ?? "" } });
    return outside.length > 0;
  };

  function decide<V>(sheet: SheetId, row: number, values: V, match: (V & Stored) | undefined, fields: [string, (v: V) => string][]): Change<V> {
    // What the dry run saw of the stored row: its version, and every field (links to leads,
    // departments and the monthly plan do not bump the version).
    if (match) seen.push(JSON.stringify([sheet, match.id, match.version, fields.map(([, value]) => value(match))]));
    const changed = match ? changedFields(fields, values, match) : [];
    decided.set(`${sheet}:${row}`, { fate: !match ? "create" : changed.length > 0 ? "update" : "unchanged", changed });
    return { sheet, row, id: match?.id ?? null, version: match?.version ?? null, values, changed };
  }
  const writes = <C extends Change<unknown>>(change: C): C[] => (change.id === null || change.changed.length > 0 ? [change] : []);

  // 计划
  let plan: Change<PlanValues> | null = null;
  if (parsed.plan) {
    const { row, ...values } = parsed.plan;
    plan = decide("plan", row, values, stored ?? undefined, PLAN_FIELDS);
  }

  // 战役
  const storedCampaigns = new Map((stored?.campaigns ?? []).map((c) => [c.number, c]));
  const campaigns: Change<CampaignValues>[] = [];
  for (const row of parsed.campaigns) {
    const match = storedCampaigns.get(row.number);
    const at = (column: string, r: Resolved) => resolved("campaigns", row.row, column, r);
    const leadDepartmentId = row.leadDepartment === null ? null : at("leadDepartment", directory.department(row.leadDepartment));
    const cooperatingDepartmentIds = row.cooperating.map((name) => at("cooperating", directory.department(name)));
    const leadingOfficialId =
      row.leadingOfficial === null
        ? null
        : at("leadingOfficial", directory.person(row.leadingOfficial, match?.leadingOfficialId ? [match.leadingOfficialId] : [], "LEADER"));
    const leadUserIds = row.leads.map((token) => at("leads", directory.person(token, match?.leadUserIds, "LEAD")));
    const leadAlsoCooperates = !!leadDepartmentId && cooperatingDepartmentIds.includes(leadDepartmentId);
    if (leadAlsoCooperates) problem("campaigns", row.row, "cooperating", { key: "cooperatingIsLead" });
    const outside = outsideYear("campaigns", row.row, { startDate: row.startDate, endDate: row.endDate });
    const unresolved =
      leadDepartmentId === undefined || leadingOfficialId === undefined || cooperatingDepartmentIds.includes(undefined) || leadUserIds.includes(undefined);
    if (unresolved || leadAlsoCooperates || outside) continue;
    const values: CampaignValues = {
      number: row.number,
      name: row.name,
      nameEn: row.nameEn,
      description: row.description,
      leadDepartmentId,
      cooperatingDepartmentIds: [...new Set(cooperatingDepartmentIds as string[])],
      leadingOfficialId,
      leadUserIds: [...new Set(leadUserIds as string[])],
      startDate: row.startDate,
      endDate: row.endDate,
    };
    campaigns.push(...writes(decide("campaigns", row.row, values, match, CAMPAIGN_FIELDS)));
  }
  const campaignNumbers = new Set([...parsed.campaigns.map((c) => c.number), ...storedCampaigns.keys()]);

  // 指标
  const storedIndicators = groupBy(stored?.indicators ?? [], (i) => pair(i.campaignNumber, i.name));
  const usedKeys = new Set((stored?.indicators ?? []).map((i) => i.key));
  let nextSortOrder = Math.max(-1, ...(stored?.indicators ?? []).map((i) => i.sortOrder)) + 1;
  const indicators: IndicatorChange[] = [];
  for (const row of parsed.indicators) {
    if (row.campaignNumber !== null && !campaignNumbers.has(row.campaignNumber)) {
      problem("indicators", row.row, "campaignNumber", { key: "unknownCampaign", values: { number: row.campaignNumber } });
      continue;
    }
    const matches = storedIndicators.get(pair(row.campaignNumber, row.name)) ?? [];
    if (matches.length > 1) {
      problem("indicators", row.row, "name", { key: "ambiguousMatch" });
      continue;
    }
    const match = matches[0];
    const values: IndicatorValues = {
      campaignNumber: row.campaignNumber,
      name: row.name,
      unit: row.unit,
      decimals: row.decimals,
      direction: row.direction,
      accumulation: row.accumulation,
      baseline: row.baseline,
      baselineIsSample: row.baselineIsSample,
      baselineNote: row.baselineNote,
      target: row.target,
      dataSource: row.dataSource,
      trajectory: plannedValues(row),
    };
    const change = decide("indicators", row.row, values, match, INDICATOR_FIELDS);
    const placed = match
      ? { key: match.key, sortOrder: match.sortOrder }
      : { key: newIndicatorKey(row.campaignNumber, row.name, usedKeys), sortOrder: nextSortOrder++ };
    indicators.push(...writes({ ...change, ...placed }));
  }

  // 任务
  const storedTasks = groupBy(stored?.tasks ?? [], (t) => pair(t.campaignNumber, t.key));
  const fileTasks = new Map(parsed.tasks.map((t) => [pair(t.campaignNumber, t.key), t]));
  const nextSibling = new Map<string, number>();
  const tasks: TaskChange[] = [];
  for (const row of parsed.tasks) {
    if (!campaignNumbers.has(row.campaignNumber)) {
      problem("tasks", row.row, "campaignNumber", { key: "unknownCampaign", values: { number: row.campaignNumber } });
      continue;
    }
    const matches = storedTasks.get(pair(row.campaignNumber, row.key)) ?? [];
    if (matches.length > 1) {
      problem("tasks", row.row, "key", { key: "ambiguousMatch" });
      continue;
    }
    const match = matches[0];
    const ownerId = row.owner === null ? null : resolved("tasks", row.row, "owner", directory.person(row.owner, match?.ownerId ? [match.ownerId] : []));
    const parentProblem = nestingProblem(row, fileTasks, stored?.tasks ?? []);
    if (parentProblem) problem("tasks", row.row, "parentKey", parentProblem);
    const outside = outsideYear("tasks", row.row, { startDate: row.startDate, dueDate: row.dueDate });
    if (ownerId === undefined || parentProblem || outside) continue;
    const values: TaskValues = {
      campaignNumber: row.campaignNumber,
      key: row.key,
      parentKey: row.parentKey,
      title: row.title,
      ownerId,
      startDate: row.startDate,
      dueDate: row.dueDate,
      weight: row.weight,
    };
    const change = decide("tasks", row.row, values, match, TASK_FIELDS);
    let sortOrder = match?.sortOrder ?? 0;
    if (!match) {
      const group = pair(row.campaignNumber, row.parentKey ?? "");
      const siblings = (stored?.tasks ?? []).filter((t) => pair(t.campaignNumber, t.parentKey ?? "") === group);
      sortOrder = nextSibling.get(group) ?? Math.max(-1, ...siblings.map((t) => t.sortOrder)) + 1;
      nextSibling.set(group, sortOrder + 1);
    }
    tasks.push(...writes({ ...change, sortOrder }));
  }

  const fates: RowFate[] = parsed.lines.map((line) => {
    const failed = errors.some((e) => e.sheet === line.sheet && e.row === line.row);
    const d = decided.get(`${line.sheet}:${line.row}`);
    return { ...line, fate: failed || !d ? "error" : d.fate, changed: failed || !d ? [] : d.changed };
  });
  const counts: Record<Fate, number> = { create: 0, update: 0, unchanged: 0, error: 0 };
  for (const f of fates) counts[f.fate]++;

  const changes: ImportChanges = { plan: plan && (plan.id === null || plan.changed.length > 0) ? plan : null, campaigns, indicators, tasks };
  const fingerprint = sha256(JSON.stringify({ plan: stored ? [stored.id, stored.version] : null, seen: seen.sort(), changes }));
  return {
    plan: parsed.plan ? { year: parsed.plan.year, title: parsed.plan.title, id: stored?.id ?? null, version: stored?.version ?? null } : null,
    fates,
    errors,
    counts,
    changes,
    fingerprint,
  };
}

type TaskLike = { campaignNumber: number; key: string; parentKey: string | null };

/**
 * One level of nesting, in the plan as it will be: the parent exists in the same campaign (in the
 * file, or already stored), is not itself a child, is not the task, and the task has no children.
 */
function nestingProblem(row: TaskLike, fileTasks: Map<string, TaskLike>, storedTasks: readonly TaskLike[]): Pick<CellError, "key" | "values"> | null {
  if (row.parentKey === null) return null;
  if (row.parentKey === row.key) return { key: "parentSelf" };
  const parentKey = pair(row.campaignNumber, row.parentKey);
  const parent = fileTasks.get(parentKey) ?? storedTasks.find((t) => pair(t.campaignNumber, t.key) === parentKey);
  if (!parent) return { key: "unknownParent", values: { key: row.parentKey } };
  if (parent.parentKey !== null) return { key: "parentIsChild", values: { key: row.parentKey } };
  const isChild = (t: TaskLike) => t.campaignNumber === row.campaignNumber && t.parentKey === row.key;
  const storedChild = storedTasks.some((t) => isChild(t) && !fileTasks.has(pair(t.campaignNumber, t.key)));
  return [...fileTasks.values()].some(isChild) || storedChild ? { key: "hasChildren" } : null;
}
