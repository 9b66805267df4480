// Rolling a plan into the next year (2018 → 2019): which rows the new plan gets, and each
// indicator's new baseline. Pure: source.ts loads the source, mutation.ts writes
// these rows in one transaction.
//
// The new baseline is the source year's final actual: the latest official figure (by month, then
// by when it was reported, so a correction wins). For a CUMULATIVE indicator that figure is a
// year-to-date total, so one from before December is not a full-year actual: it is still used,
// but marked provisional (in the result, the confirmation page, the audit record and the note).
import type { Accumulation, Direction, TaskStatus } from "@/generated/prisma/enums";

/** The latest official value of an indicator in the source year. */
export interface SourceValue {
  month: number;
  value: string;
  /** From a sample report (demo data). */
  isSample: boolean;
}

export interface SourceIndicator {
  key: string;
  name: string;
  nameEn: string | null;
  unit: string;
  decimals: number;
  direction: Direction;
  accumulation: Accumulation;
  allowOutOfRange: boolean;
  dataSource: string | null;
  sortOrder: number;
  latest: SourceValue | null;
}

export interface SourceTask {
  id: string;
  parentId: string | null;
  key: string | null;
  title: string;
  ownerId: string | null;
  dueDate: Date;
  weight: string;
  status: TaskStatus;
  percentDone: number;
  isSample: boolean;
  sortOrder: number;
}

export interface SourceCampaign {
  number: number;
  name: string;
  nameEn: string | null;
  description: string | null;
  leadingOfficialId: string | null;
  reviewerId: string | null;
  leadDepartmentId: string | null;
  cooperatingDepartmentIds: string[];
  leadUserIds: string[];
  startDate: Date | null;
  endDate: Date | null;
  isSample: boolean;
  indicators: SourceIndicator[];
  tasks: SourceTask[];
}

export interface RolloverSource {
  orgId: string;
  year: number;
  title: string;
  titleEn: string | null;
  goals: string[];
  rules: string[];
  reportDueDay: number;
  escalateAfterDays: number;
  preReview: boolean;
  isSample: boolean;
  campaigns: SourceCampaign[];
  /** Plan-wide indicators (no campaign). */
  indicators: SourceIndicator[];
}

export interface RolloverOptions {
  title: string;
  carryUnfinishedTasks: boolean;
}

/** Where an indicator's new baseline comes from; value null means it needs one entered. */
export interface Baseline {
  key: string;
  campaignNumber: number | null;
  name: string;
  nameEn: string | null;
  unit: string;
  decimals: number;
  accumulation: Accumulation;
  value: string | null;
  month: number | null;
  /** A year-to-date total from before December: not a full-year actual. */
  provisional: boolean;
}

export interface NewIndicator {
  key: string;
  name: string;
  nameEn: string | null;
  unit: string;
  decimals: number;
  direction: Direction;
  accumulation: Accumulation;
  allowOutOfRange: boolean;
  dataSource: string | null;
  sortOrder: number;
  baselineValue: string | null;
  baselineIsSample: boolean;
  baselineNote: string | null;
  targetValue: null;
}

export interface NewTask {
  key: string | null;
  title: string;
  ownerId: string | null;
  startDate: Date;
  dueDate: Date;
  weight: string;
  status: "NOT_STARTED";
  percentDone: 0;
  isSample: boolean;
  sortOrder: number;
  children: NewTask[];
}

export interface NewCampaign extends Omit<SourceCampaign, "indicators" | "tasks"> {
  indicators: NewIndicator[];
  tasks: NewTask[];
}

export interface RolloverRows {
  plan: {
    orgId: string;
    year: number;
    baselineYear: number;
    title: string;
    titleEn: string | null;
    goals: string[];
    rules: string[];
    reportDueDay: number;
    escalateAfterDays: number;
    preReview: boolean;
    isSample: boolean;
    /** Targets and trajectories are still to be filled in: not a plan to report against yet. */
    status: "DRAFT";
  };
  campaigns: NewCampaign[];
  planIndicators: NewIndicator[];
  baselines: Baseline[];
  carriedTasks: number;
}

/** "2018年十大战役" → "2019年十大战役"; a title without the year stays as it is. */
export function defaultRolloverTitle(title: string, fromYear: number): string {
  return title.replaceAll(String(fromYear), String(fromYear + 1));
}

/** Done and cancelled tasks stay behind; everything else short of 100% is unfinished. */
export function isUnfinished(task: Pick<SourceTask, "status" | "percentDone">): boolean {
  return task.status !== "DONE" && task.status !== "CANCELLED" && task.percentDone < 100;
}

/** The same month and day in another year (29 February becomes the 28th). */
export function sameDayIn(date: Date, year: number): Date {
  const month = date.getUTCMonth();
  const lastDay = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  return new Date(Date.UTC(year, month, Math.min(date.getUTCDate(), lastDay)));
}

export function baselineOf(indicator: SourceIndicator, campaignNumber: number | null): Baseline {
  const latest = indicator.latest;
  return {
    key: indicator.key,
    campaignNumber,
    name: indicator.name,
    nameEn: indicator.nameEn,
    unit: indicator.unit,
    decimals: indicator.decimals,
    accumulation: indicator.accumulation,
    value: latest?.value ?? null,
    month: latest?.month ?? null,
    provisional: !!latest && indicator.accumulation === "CUMULATIVE" && latest.month < 12,
  };
}

/** Stored with the baseline so the new plan says where the figure came from (data language: Chinese). */
function baselineNote(b: Baseline, fromYear: number): string | null {
  if (b.month === null) return null;
  if (b.accumulation === "LEVEL") return `${fromYear}年${b.month}月实绩`;
  return b.provisional ? `${fromYear}年1—${b.month}月累计，非全年实绩（暂定）` : `${fromYear}年全年实绩`;
}

function newIndicator(i: SourceIndicator, b: Baseline, source: RolloverSource): NewIndicator {
  return {
    key: i.key,
    name: i.name,
    nameEn: i.nameEn,
    unit: i.unit,
    decimals: i.decimals,
    direction: i.direction,
    accumulation: i.accumulation,
    allowOutOfRange: i.allowOutOfRange,
    dataSource: i.dataSource,
    sortOrder: i.sortOrder,
    baselineValue: b.value,
    // A demo plan's actuals are invented, and so is a baseline taken from them.
    baselineIsSample: b.value !== null && (source.isSample || !!i.latest?.isSample),
    baselineNote: baselineNote(b, source.year),
    targetValue: null,
  };
}

/** The unfinished tasks as a tree: a parent comes along when any of its children does. */
function carriedTasks(tasks: SourceTask[], year: number): NewTask[] {
  const byParent = new Map<string | null, SourceTask[]>();
  for (const t of tasks) byParent.set(t.parentId, [...(byParent.get(t.parentId) ?? []), t]);
  const carry = (parentId: string | null): NewTask[] =>
    (byParent.get(parentId) ?? []).flatMap((t) => {
      const children = carry(t.id);
      if (!isUnfinished(t) && children.length === 0) return [];
      return [
        {
          key: t.key,
          title: t.title,
          ownerId: t.ownerId,
          startDate: new Date(Date.UTC(year, 0, 1)),
          dueDate: sameDayIn(t.dueDate, year),
          weight: t.weight,
          status: "NOT_STARTED" as const,
          percentDone: 0 as const,
          isSample: t.isSample,
          sortOrder: t.sortOrder,
          children,
        },
      ];
    });
  return carry(null);
}

const countTasks = (tasks: NewTask[]): number => tasks.reduce((n, t) => n + 1 + countTasks(t.children), 0);

export function planRollover(source: RolloverSource, options: RolloverOptions): RolloverRows {
  const year = source.year + 1;
  const keptDefaultTitle = options.title === defaultRolloverTitle(source.title, source.year);
  const baselines: Baseline[] = [];
  const indicatorsOf = (list: SourceIndicator[], campaignNumber: number | null) =>
    list.map((i) => {
      const b = baselineOf(i, campaignNumber);
      baselines.push(b);
      return newIndicator(i, b, source);
    });

  const campaigns = source.campaigns.map(({ indicators, tasks, ...c }) => ({
    ...c,
    startDate: c.startDate && sameDayIn(c.startDate, year),
    endDate: c.endDate && sameDayIn(c.endDate, year),
    indicators: indicatorsOf(indicators, c.number),
    tasks: options.carryUnfinishedTasks ? carriedTasks(tasks, year) : [],
  }));
  const planIndicators = indicatorsOf(source.indicators, null);

  return {
    plan: {
      orgId: source.orgId,
      year,
      baselineYear: source.year,
      title: options.title,
      // The English title follows only a title that was itself derived; a new name has none yet.
      titleEn: keptDefaultTitle && source.titleEn ? defaultRolloverTitle(source.titleEn, source.year) : null,
      goals: source.goals,
      rules: source.rules,
      reportDueDay: source.reportDueDay,
      escalateAfterDays: source.escalateAfterDays,
      preReview: source.preReview,
      isSample: source.isSample,
      status: "DRAFT",
    },
    campaigns,
    planIndicators,
    baselines,
    carriedTasks: campaigns.reduce((n, c) => n + countTasks(c.tasks), 0),
  };
}
