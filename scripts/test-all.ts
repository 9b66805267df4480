// npm test: typecheck, lint, unit and database tests (Vitest, on the embedded database and on
// PostgreSQL), a production build, then the browser tests on both databases. Ends with one line
// "N passed, M failed" over all the tests run.
import { spawnSync } from "node:child_process";
import fs from "node:fs";

interface Step {
  name: string;
  command: string[];
  report?: string;
  count?: (report: unknown) => { passed: number; failed: number };
}

const steps: Step[] = [
  { name: "typecheck", command: ["npm", "run", "typecheck"] },
  { name: "lint", command: ["npm", "run", "lint"] },
  {
    name: "unit and database tests",
    command: ["npx", "vitest", "run", "--reporter=default", "--reporter=json", "--outputFile.json=test-results/unit.json"],
    report: "test-results/unit.json",
    count: (r) => {
      // A file that fails to load counts as a failure even though none of its tests ran.
      const j = r as { numPassedTests: number; numFailedTests: number; numFailedTestSuites: number };
      return { passed: j.numPassedTests, failed: j.numFailedTests + j.numFailedTestSuites };
    },
  },
  { name: "build", command: ["npm", "run", "build"] },
  {
    name: "browser tests",
    command: ["npx", "tsx", "scripts/test-e2e.ts"],
    report: "test-results/e2e.json",
    count: (r) => {
      const j = r as { stats: { expected: number; unexpected: number; flaky: number } };
      return { passed: j.stats.expected, failed: j.stats.unexpected + j.stats.flaky };
    },
  },
];

fs.mkdirSync("test-results", { recursive: true });
let passed = 0;
let failed = 0;
const summary: string[] = [];
for (const step of steps) {
  if (step.report) fs.rmSync(step.report, { force: true });
  const started = Date.now();
  console.log(`\n=== ${step.name} ===`);
  const result = spawnSync(step.command[0] ?? "", step.command.slice(1), { stdio: "inherit", env: { ...process.env, FORCE_COLOR: "0" } });
  const seconds = ((Date.now() - started) / 1000).toFixed(0);
  const ok = result.status === 0;
  let counts = "";
  if (step.report && step.count && fs.existsSync(step.report)) {
    const c = step.count(JSON.parse(fs.readFileSync(step.report, "utf8")));
    passed += c.passed;
    failed += c.failed;
    counts = ` (${c.passed} passed, ${c.failed} failed)`;
  } else if (!ok) {
    failed += 1;
  }
  summary.push(`${ok ? "ok  " : "FAIL"} ${step.name}${counts} in ${seconds} s`);
  if (!ok && (step.name === "build" || step.name === "typecheck")) break;
}
console.log(`\n=== summary ===\n${summary.join("\n")}`);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed > 0 || summary.some((s) => s.startsWith("FAIL")) ? 1 : 0);
