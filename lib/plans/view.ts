// What the plan page shows, built from getPlanOverview: its title and place, the campaigns table's rows
// and the town-wide indicators, names in the locale and figures in their unit.
import { formatQuantity } from "@/lib/format";
import type { Locale } from "@/lib/i18n/config";
import { localName, localTitle } from "@/lib/i18n/local-name";
import type { getPlanOverview } from "./queries";

type Overview = NonNullable<Awaited<ReturnType<typeof getPlanOverview>>>;
type Numeric = { toString(): string } | null;
type Named = { name: string; nameEn: string | null };

export interface CampaignRow {
  id: string;
  number: number;
  name: string;
  isSample: boolean;
  leadDepartment: string;
  leadingOfficial: string;
  leads: string;
  /** "外出招商天数 393 天" lines, already formatted on the server; sample ones say so. */
  baselines: { text: string; sample: boolean }[];
  tasks: number;
}

export interface PlanIndicatorRow {
  id: string;
  name: string;
  baseline: string;
  baselineIsSample: boolean;
  baselineNote: string | null;
  target: string;
  targetIsSample: boolean;
}

interface CampaignInput extends Named {
  id: string;
  number: number;
  isSample: boolean;
  leadDepartment: { name: string } | null;
  leadingOfficial: { name: string } | null;
  leads: { user: { name: string } }[];
  indicators: (Named & { unit: string; decimals: number; baselineValue: Numeric; baselineIsSample: boolean })[];
  _count: { tasks: number };
}

/** The campaigns table: one row a campaign, its baselines as lines (the source's own figures first, then the sample ones). */
export function campaignRows(campaigns: CampaignInput[], locale: Locale): CampaignRow[] {
  return campaigns.map((c) => ({
    id: c.id,
    number: c.number,
    name: localName(c, locale),
    isSample: c.isSample,
    leadDepartment: c.leadDepartment?.name ?? "—",
    leadingOfficial: c.leadingOfficial?.name ?? "—",
    leads: c.leads.map((l) => l.user.name).join("、"),
    baselines: [...c.indicators]
      .sort((a, b) => Number(a.baselineIsSample) - Number(b.baselineIsSample))
      .map((i) => ({ text: `${localName(i, locale)} ${formatQuantity(i.baselineValue, i.unit, locale, i.decimals)}`, sample: i.baselineIsSample })),
    tasks: c._count.tasks,
  }));
}

interface PlanIndicatorInput extends Named {
  id: string;
  unit: string;
  baselineValue: Numeric;
  baselineNote: string | null;
  baselineIsSample: boolean;
  targetValue: Numeric;
  targetIsSample: boolean;
}

/** The town-wide indicators (not of one campaign): baseline and target in their unit. */
export function planIndicatorRows(indicators: PlanIndicatorInput[], locale: Locale): PlanIndicatorRow[] {
  return indicators.map((i) => ({
    id: i.id,
    name: localName(i, locale),
    baseline: formatQuantity(i.baselineValue, i.unit, locale),
    baselineIsSample: i.baselineIsSample,
    baselineNote: i.baselineNote,
    target: formatQuantity(i.targetValue, i.unit, locale),
    targetIsSample: i.targetIsSample,
  }));
}

/** The whole page's model. */
export function planPageView({ plan, campaigns, planIndicators }: Overview, locale: Locale) {
  return {
    title: localTitle(plan, locale),
    town: localName(plan.org, locale),
    campaigns: campaignRows(campaigns, locale),
    indicators: planIndicatorRows(planIndicators, locale),
  };
}
