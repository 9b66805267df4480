// The status rule (红黄绿灯), written once: the board, the county overview, the campaign page and the
// 月报 compute every light with these pure functions (no database, no clock: the caller passes
// "as of" and the plan's rules), and the rule text in the app is printed from the same rules.
export { DEFAULT_RULES, readRules, rulesSchema, type Band, type Rules } from "./rules";
export { SEVERITY, lightFor, type Light } from "./light";
export {
  indicatorKind,
  indicatorStatus,
  type IndicatorFigures,
  type IndicatorInput,
  type IndicatorKind,
  type IndicatorReasonKey,
  type IndicatorStatus,
} from "./indicator";
export { yearOnYear, type YearOnYear } from "./year-on-year";
export { taskStatus, type TaskInput, type TaskStatus } from "./task";
export { campaignStatus, type CampaignStatus, type Silence } from "./campaign";
