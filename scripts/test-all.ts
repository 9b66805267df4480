// npm test: type check and lint (side by side: each uses one core), unit and database tests
// (Vitest), a production build, then the browser tests. Prints each step's time and ends with one
// line "N passed, M failed" over all the tests run. The build skips Next's own type check
// (DUBAN_TYPECHECKED, next.config.ts): the type check has just passed, here, on the same files.
import { spawn } from "node:child_process";
import fs from "node:fs";

interface Step {
  name: string;
  command: string[];
  env?: Record<string, string>;
  report?: string;
  count?: (report: unknown) => { passed: number; failed: number };
}

const typecheck: Step = { name: "typecheck", command: ["npm", "run", "typecheck"] };
const lint: Step = { name: "lint", command: ["npm", "run", "lint"] };
const unit: Step = {
  name: "unit and database tests",
  command: ["npx", "vitest", "run", "--reporter=default", "--reporter=json", "--outputFile.json=test-results/unit.json"],
  report: "test-results/unit.json",
  count: (r) => {
    // A file that fails to load counts as a failure even though none of its tests ran.
    const j = r as { numPassedTests: number; numFailedTests: number; numFailedTestSuites: number };
    return { passed: j.numPassedTests, failed: j.numFailedTests + j.numFailedTestSuites };
  },
};
const build: Step = { name: "build", command: ["npm", "run", "build"], env: { DUBAN_TYPECHECKED: "1" } };
const browser: Step = {
  name: "browser tests",
  command: ["npx", "tsx", "scripts/test-e2e.ts"],
  report: "test-results/e2e.json",
  count: (r) => {
    const j = r as { stats: { expected: number; unexpected: number; flaky: number } };
    return { passed: j.stats.expected, failed: j.stats.unexpected + j.stats.flaky };
  },
};

/** Steps in one stage run side by side; a stage starts when the one before it has ended. */
const stages: Step[][] = [[typecheck, lint], [unit], [build], [browser]];
/** Without these there is nothing to test further. */
const essential = new Set([typecheck, build]);

interface Outcome {
  ok: boolean;
  seconds: number;
}

/** Runs a step; alone it streams its output, beside others its output is printed when it ends. */
function run(step: Step, alone: boolean): Promise<Outcome> {
  const started = Date.now();
  if (alone) console.log(`\n=== ${step.name} ===`);
  return new Promise((resolve) => {
    const child = spawn(step.command[0] ?? "", step.command.slice(1), {
      stdio: alone ? "inherit" : ["ignore", "pipe", "pipe"],
      env: { ...process.env, FORCE_COLOR: "0", ...step.env },
    });
    const output: Buffer[] = [];
    child.stdout?.on("data", (d: Buffer) => output.push(d));
    child.stderr?.on("data", (d: Buffer) => output.push(d));
    child.on("close", (code) => {
      if (!alone) console.log(`\n=== ${step.name} ===\n${Buffer.concat(output).toString().trimEnd()}`);
      resolve({ ok: code === 0, seconds: Math.round((Date.now() - started) / 1000) });
    });
  });
}

async function main() {
  fs.mkdirSync("test-results", { recursive: true });
  let passed = 0;
  let failed = 0;
  const summary: string[] = [];
  const started = Date.now();
  for (const stage of stages) {
    for (const step of stage) if (step.report) fs.rmSync(step.report, { force: true });
    const outcomes = await Promise.all(stage.map((step) => run(step, stage.length === 1)));
    let stop = false;
    for (const [i, step] of stage.entries()) {
      const { ok, seconds } = outcomes[i] ?? { ok: false, seconds: 0 };
      let counts = "";
      if (step.report && step.count && fs.existsSync(step.report)) {
        const c = step.count(JSON.parse(fs.readFileSync(step.report, "utf8")));
        passed += c.passed;
        failed += c.failed;
        counts = ` (${c.passed} passed, ${c.failed} failed)`;
      } else if (!ok) {
        failed += 1;
      }
      summary.push(`${ok ? "ok  " : "FAIL"} ${step.name}${counts} in ${seconds} s${stage.length > 1 ? " (side by side)" : ""}`);
      if (!ok && essential.has(step)) stop = true;
    }
    if (stop) break;
  }
  const minutes = ((Date.now() - started) / 60_000).toFixed(1);
  console.log(`\n=== summary ===\n${summary.join("\n")}\nin ${minutes} min`);
  console.log(`${passed} passed, ${failed} failed`);
  process.exit(failed > 0 || summary.some((s) => s.startsWith("FAIL")) ? 1 : 0);
}

void main();
