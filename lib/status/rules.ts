// The thresholds of the status rule (红黄绿灯), in the terms a town office uses: 个百分点 behind
// 序时进度 for year-to-date figures, 个百分点 for rates, % off the planned level for other standing
// figures. Each plan keeps its own (versioned by the month from which they apply, see
// lib/plan/versions.ts); DEFAULT_RULES are what a new plan starts with. The rule text in the app
// and in every export is printed from the same numbers.
import { z } from "zod";

export interface Band {
  /** At most this far behind is still green. */
  green: number;
  /** At most this far behind is amber; further is red. */
  amber: number;
}

export interface Rules {
  /** 累计指标: 个百分点 slower than 序时进度 (完成年度目标% − 序时进度%). */
  ytd: Band;
  /** 比率指标 (unit %): 个百分点 worse than the month's planned rate. */
  rate: Band;
  /** Other standing figures (时点指标): % worse than the month's planned level. */
  level: Band;
  /** Tasks: 个百分点 of percent done behind the share of their time that has passed. */
  task: Band;
  /** Campaigns: weighted score of indicators and tasks (green 1, amber 0.5, red 0) at least this is green/amber. */
  campaign: { green: number; amber: number; indicatorShare: number };
  /** Whether figures of reports not yet approved (待审核) count for the lights (they are marked either way). */
  countUnapproved: boolean;
}

export const DEFAULT_RULES: Rules = {
  ytd: { green: 0, amber: 5 },
  rate: { green: 0, amber: 2 },
  level: { green: 0, amber: 5 },
  task: { green: 10, amber: 25 },
  campaign: { green: 0.8, amber: 0.6, indicatorShare: 0.5 },
  countUnapproved: true,
};

const band = (max: number) =>
  z
    .object({ green: z.number().min(0).max(max), amber: z.number().min(0).max(max) })
    .refine((b) => b.amber >= b.green, { message: "validation.bandOrder", path: ["amber"] });

export const rulesSchema = z.object({
  ytd: band(100),
  rate: band(100),
  level: band(100),
  task: band(100),
  campaign: z
    .object({ green: z.number().min(0).max(1), amber: z.number().min(0).max(1), indicatorShare: z.number().min(0).max(1) })
    .refine((c) => c.green >= c.amber, { message: "validation.bandOrder", path: ["green"] }),
  countUnapproved: z.boolean(),
});

/** A stored rules value (JSON) read back; anything missing or malformed falls back to the defaults, field by field. */
export function readRules(stored: unknown): Rules {
  if (!stored || typeof stored !== "object") return DEFAULT_RULES;
  const s = stored as Partial<Record<keyof Rules, unknown>>;
  const merged = {
    ytd: { ...DEFAULT_RULES.ytd, ...(s.ytd as object) },
    rate: { ...DEFAULT_RULES.rate, ...(s.rate as object) },
    level: { ...DEFAULT_RULES.level, ...(s.level as object) },
    task: { ...DEFAULT_RULES.task, ...(s.task as object) },
    campaign: { ...DEFAULT_RULES.campaign, ...(s.campaign as object) },
    countUnapproved: typeof s.countUnapproved === "boolean" ? s.countUnapproved : DEFAULT_RULES.countUnapproved,
  };
  const parsed = rulesSchema.safeParse(merged);
  return parsed.success ? parsed.data : DEFAULT_RULES;
}
