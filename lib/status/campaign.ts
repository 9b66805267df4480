// A campaign's light: the weighted score of its indicators and tasks, and silence. A report missing
// after its due day counts against the campaign (at least amber from the day after the due date, red
// once the plan's escalation days have passed): not reporting must never look better than reporting.
import { SEVERITY, type Light } from "./light";
import type { Rules } from "./rules";

const SCORE: Record<Exclude<Light, "NONE">, number> = { GREEN: 1, AMBER: 0.5, RED: 0 };

export interface Silence {
  /** The month's report is due and none has been submitted. */
  missing: boolean;
  /** Whole days since the due date (1 on the day after it). */
  daysLate: number;
  /** The plan's escalation days: missing for more than this many days is red. */
  redAfterDays: number;
}

export interface CampaignStatus {
  light: Light;
  /** The weighted score the figures alone give (null when nothing could be scored). */
  score: number | null;
  /** The light the figures alone give, before silence. */
  scoreLight: Light;
  /** The items behind the light, worst first (at most three). Under a green light they are 需关注, not reasons. */
  worst: { kind: "indicator" | "task"; light: Light; index: number }[];
  /** What silence did to the light: nothing, or held it at amber or red. */
  silence: "none" | "amber" | "red";
  daysLate: number;
}

export function campaignStatus(
  indicators: { light: Light }[],
  tasks: { light: Light; weight: number }[],
  silence: Silence,
  rules: Pick<Rules, "campaign">,
): CampaignStatus {
  const lit = <T extends { light: Light }>(xs: T[]) => xs.filter((x) => x.light !== "NONE");
  const ind = lit(indicators);
  const tsk = lit(tasks);
  const indScore = ind.length ? ind.reduce((s, x) => s + SCORE[x.light as Exclude<Light, "NONE">], 0) / ind.length : null;
  const taskWeight = tsk.reduce((s, x) => s + x.weight, 0);
  const taskScore = tsk.length && taskWeight > 0 ? tsk.reduce((s, x) => s + x.weight * SCORE[x.light as Exclude<Light, "NONE">], 0) / taskWeight : null;
  const share = rules.campaign.indicatorShare;
  const raw = indScore !== null && taskScore !== null ? share * indScore + (1 - share) * taskScore : (indScore ?? taskScore);
  // Weights are decimals (0.1 + 0.2 …): round away float noise so an exact 0.8 stays 0.8.
  const score = raw === null ? null : Math.round(raw * 1e12) / 1e12;
  const scoreLight: Light = score === null ? "NONE" : score >= rules.campaign.green ? "GREEN" : score >= rules.campaign.amber ? "AMBER" : "RED";

  let light = scoreLight;
  let held: CampaignStatus["silence"] = "none";
  if (silence.missing && silence.daysLate >= 1) {
    const floor: Light = silence.daysLate > silence.redAfterDays ? "RED" : "AMBER";
    if (light === "NONE" || SEVERITY[floor] < SEVERITY[light]) {
      light = floor;
      held = floor === "RED" ? "red" : "amber";
    }
  }
  const worst = [
    ...indicators.map((x, index) => ({ kind: "indicator" as const, light: x.light, index })),
    ...tasks.map((x, index) => ({ kind: "task" as const, light: x.light, index })),
  ]
    .filter((x) => x.light === "RED" || x.light === "AMBER")
    .sort((a, b) => SEVERITY[a.light] - SEVERITY[b.light])
    .slice(0, 3);
  return { light, score, scoreLight, worst, silence: held, daysLate: silence.missing ? silence.daysLate : 0 };
}
