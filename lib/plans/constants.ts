// The choices the plan forms offer, shared by the schemas (server) and the forms (browser).
export const PLAN_STATUSES = ["DRAFT", "ACTIVE", "CLOSED"] as const;
export const DIRECTIONS = ["HIGHER_BETTER", "LOWER_BETTER"] as const;
export const ACCUMULATIONS = ["CUMULATIVE", "LEVEL"] as const;
