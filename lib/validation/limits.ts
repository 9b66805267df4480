// How long each kind of text may be: one table for the forms (their schemas and maxLength) and the
// Excel import, so a plan typed in and a plan imported are held to the same limits. Lengths in
// characters.
export const TEXT_LIMITS = {
  /** A plan's title. */
  title: 100,
  /** A campaign's or indicator's Chinese name. */
  name: 100,
  /** A task's title. */
  taskTitle: 200,
  /** A campaign's description. */
  text: 2000,
  /** One line of a plan's goals or rules, and a task's progress note. */
  line: 500,
  /** How many lines a plan's goals or rules may have. */
  lines: 30,
  /** An indicator's unit. */
  unit: 20,
  /** A person's or department's name as the import names them. */
  short: 100,
  /** An English name, a baseline note, a data source. */
  long: 200,
  /** A task's key in the workbook. */
  key: 50,
  /** Why a report goes back (退回原因). */
  returnReason: 1000,
  /** A 批示. */
  comment: 2000,
} as const;

/** Figures keep at most this many decimals (the columns are Decimal(20,4)). */
export const MAX_DECIMALS = 4;

/** A task's weight is at most this. */
export const MAX_WEIGHT = 100;
