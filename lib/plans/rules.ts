// The plan form's threshold fields, turned into the plan's rules (lib/status/rules.ts) and back.
// Campaign scores are typed as percentages (80) and kept as shares (0.8).
import { fieldErrorsOf, type FieldErrors } from "@/lib/errors";
import { rulesSchema, type Rules } from "@/lib/status";
import type { UpdatePlanInput } from "./schemas";

type Posted = Pick<
  UpdatePlanInput,
  | "rulesPosted"
  | "countUnapproved"
  | "ytdGreen"
  | "ytdAmber"
  | "rateGreen"
  | "rateAmber"
  | "levelGreen"
  | "levelAmber"
  | "taskGreen"
  | "taskAmber"
  | "campaignGreen"
  | "campaignAmber"
>;

const share = (percent: number | undefined, current: number) => (percent === undefined ? current : Math.round(percent * 10) / 1000);

export function rulesFromForm(current: Rules, posted: Posted): { ok: true; rules: Rules } | { ok: false; fieldErrors: FieldErrors } {
  if (!posted.rulesPosted) return { ok: true, rules: current };
  const band = (green: number | undefined, amber: number | undefined, now: { green: number; amber: number }) => ({
    green: green ?? now.green,
    amber: amber ?? now.amber,
  });
  const next: Rules = {
    ytd: band(posted.ytdGreen, posted.ytdAmber, current.ytd),
    rate: band(posted.rateGreen, posted.rateAmber, current.rate),
    level: band(posted.levelGreen, posted.levelAmber, current.level),
    task: band(posted.taskGreen, posted.taskAmber, current.task),
    campaign: {
      green: share(posted.campaignGreen, current.campaign.green),
      amber: share(posted.campaignAmber, current.campaign.amber),
      indicatorShare: current.campaign.indicatorShare,
    },
    countUnapproved: posted.countUnapproved,
  };
  const checked = rulesSchema.safeParse(next);
  if (checked.success) return { ok: true, rules: checked.data };
  // A rule's field is its group and part, as the form names it: ytd.green → ytdGreen.
  const field = (path: readonly PropertyKey[]) => {
    const [group, part = ""] = path.map(String);
    return `${group}${part.charAt(0).toUpperCase()}${part.slice(1)}`;
  };
  return { ok: false, fieldErrors: fieldErrorsOf(checked.error, { field, fallback: "validation.threshold" }) };
}

/** The form's values for the plan's rules. */
export function rulesFormValues(rules: Rules): Record<string, string> {
  const pct = (x: number) => String(Math.round(x * 1000) / 10);
  return {
    rulesPosted: "1",
    ytdGreen: String(rules.ytd.green),
    ytdAmber: String(rules.ytd.amber),
    rateGreen: String(rules.rate.green),
    rateAmber: String(rules.rate.amber),
    levelGreen: String(rules.level.green),
    levelAmber: String(rules.level.amber),
    taskGreen: String(rules.task.green),
    taskAmber: String(rules.task.amber),
    campaignGreen: pct(rules.campaign.green),
    campaignAmber: pct(rules.campaign.amber),
    ...(rules.countUnapproved ? { countUnapproved: "on" } : {}),
  };
}
