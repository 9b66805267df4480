// A test run's name (set in global-setup.ts, read by the workers with inject): the database
// templates and the folder of embedded dumps carry it, so concurrent runs never share them.
import os from "node:os";
import path from "node:path";

declare module "vitest" {
  export interface ProvidedContext {
    dubanTestRun: string;
  }
}

export const templatePrefix = (run: string) => `duban_tpl_${run}`;
export const templateDir = (run: string) => path.join(os.tmpdir(), `duban-test-${run}`);
