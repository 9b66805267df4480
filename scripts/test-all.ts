// npm test: the Prisma client, type check and lint, unit and database tests (Vitest), a production
// build, then the browser tests. Prints each step's time and ends with one line "N passed, M failed" over all the
// tests run. The build skips Next's own type check (DUBAN_TYPECHECKED, next.config.ts): the type
// check has just passed, here, on the same files.
//
// The steps keep the machine's two cores busy without crowding them: type check and lint side by
// side (each uses one core); the build takes the type check's core when it is done (it only needs
// the type check to have passed), the unit tests start once lint and type check have ended, and the
// browser tests, the heaviest, run alone at the end; their servers start after the build, while the
// unit tests finish.
import { spawn } from "node:child_process";
import fs from "node:fs";

interface Step {
  name: string;
  command: string[];
  env?: Record<string, string>;
  /** Steps that must have passed first: without them there is nothing to test further. */
  needs?: Step[];
  /** Steps that must have ended first, whatever their outcome: two cores take two at a time. */
  after?: Step[];
  /** A file this step waits for before its main part, written when the given step has ended. */
  gate?: { after: Step; file: string };
  /** Long steps print as they go; the others print their output when they end. */
  stream?: boolean;
  report?: string;
  count?: (report: unknown) => { passed: number; failed: number };
}

// The Prisma client is generated once, first: the steps after it read it, and a step generating it
// again while another reads it could be read half written.
const generate: Step = { name: "prisma generate", command: ["npx", "prisma", "generate"] };
const typecheck: Step = { name: "typecheck", command: ["npx", "tsc", "--noEmit"], needs: [generate] };
const lint: Step = { name: "lint", command: ["npm", "run", "lint"], after: [generate] };
const build: Step = { name: "build", command: ["npm", "run", "build:app"], env: { DUBAN_TYPECHECKED: "1" }, needs: [typecheck] };
const unit: Step = {
  name: "unit and database tests",
  command: ["npx", "vitest", "run", "--reporter=default", "--reporter=json", "--outputFile.json=test-results/unit.json"],
  needs: [typecheck],
  after: [lint],
  stream: true,
  report: "test-results/unit.json",
  count: (r) => {
    // A file that fails to load counts as a failure even though none of its tests ran.
    const j = r as { numPassedTests: number; numFailedTests: number; numFailedTestSuites: number };
    return { passed: j.numPassedTests, failed: j.numFailedTests + j.numFailedTestSuites };
  },
};
// The browser tests start their servers (migrations, the demo plan) as soon as the build is there,
// while the unit tests finish, and run the tests themselves once the unit tests have ended.
const UNIT_ENDED = "test-results/.unit-ended";
const browser: Step = {
  name: "browser tests",
  command: ["npx", "tsx", "scripts/test-e2e.ts"],
  env: { E2E_START_AFTER: UNIT_ENDED },
  gate: { after: unit, file: UNIT_ENDED },
  needs: [build],
  stream: true,
  report: "test-results/e2e.json",
  count: (r) => {
    const j = r as { stats: { expected: number; unexpected: number; flaky: number } };
    return { passed: j.stats.expected, failed: j.stats.unexpected + j.stats.flaky };
  },
};

const steps: Step[] = [generate, typecheck, lint, build, unit, browser];

interface Outcome {
  ok: boolean;
  /** Not run: a step it needs failed. */
  skipped?: boolean;
  started: number;
  seconds: number;
}

function run(step: Step, t0: number): Promise<Outcome> {
  const started = Date.now();
  if (step.stream) console.log(`\n=== ${step.name} ===`);
  return new Promise((resolve) => {
    const child = spawn(step.command[0] ?? "", step.command.slice(1), {
      stdio: step.stream ? "inherit" : ["ignore", "pipe", "pipe"],
      env: { ...process.env, FORCE_COLOR: "0", ...step.env },
    });
    const output: Buffer[] = [];
    child.stdout?.on("data", (d: Buffer) => output.push(d));
    child.stderr?.on("data", (d: Buffer) => output.push(d));
    child.on("close", (code) => {
      if (!step.stream) console.log(`\n=== ${step.name} ===\n${Buffer.concat(output).toString().trimEnd()}`);
      resolve({ ok: code === 0, started: Math.round((started - t0) / 1000), seconds: Math.round((Date.now() - started) / 1000) });
    });
  });
}

async function main() {
  fs.mkdirSync("test-results", { recursive: true });
  for (const step of steps) {
    if (step.report) fs.rmSync(step.report, { force: true });
    if (step.gate) fs.rmSync(step.gate.file, { force: true });
  }
  const t0 = Date.now();
  const outcomes = new Map<Step, Promise<Outcome>>();
  const outcomeOf = (step: Step): Promise<Outcome> => {
    let outcome = outcomes.get(step);
    if (!outcome) {
      outcome = (async () => {
        const needed = await Promise.all((step.needs ?? []).map(outcomeOf));
        await Promise.all((step.after ?? []).map(outcomeOf));
        if (needed.some((o) => !o.ok)) return { ok: false, skipped: true, started: 0, seconds: 0 };
        return run(step, t0);
      })();
      outcomes.set(step, outcome);
    }
    return outcome;
  };
  for (const step of steps) {
    const gate = step.gate;
    if (gate) void outcomeOf(gate.after).then(() => fs.writeFileSync(gate.file, ""));
  }
  const done = await Promise.all(steps.map(outcomeOf));

  let passed = 0;
  let failed = 0;
  const summary: string[] = [];
  for (const [i, step] of steps.entries()) {
    const o = done[i] ?? { ok: false, started: 0, seconds: 0 };
    if (o.skipped) {
      summary.push(`skip ${step.name} (a step it needs failed)`);
      continue;
    }
    let counts = "";
    if (step.report && step.count && fs.existsSync(step.report)) {
      const c = step.count(JSON.parse(fs.readFileSync(step.report, "utf8")));
      passed += c.passed;
      failed += c.failed;
      counts = ` (${c.passed} passed, ${c.failed} failed)`;
    } else if (!o.ok) {
      failed += 1;
    }
    summary.push(`${o.ok ? "ok  " : "FAIL"} ${step.name}${counts} in ${o.seconds} s, from ${o.started} s`);
  }
  const minutes = ((Date.now() - t0) / 60_000).toFixed(1);
  console.log(`\n=== summary ===\n${summary.join("\n")}\nin ${minutes} min`);
  console.log(`${passed} passed, ${failed} failed`);
  process.exit(failed > 0 || summary.some((s) => !s.startsWith("ok")) ? 1 : 0);
}

void main();
