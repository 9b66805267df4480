// Readiness: may this instance be sent requests now? Its database answers, its file storage answers,
// and every migration this version knows is applied (an instance of a newer version may be applying
// them). Each check is bounded in time, so a hung store makes the probe fail, not hang.
import "server-only";
import { rawSql } from "@/lib/db";
import { readMigrations } from "@/lib/db/migrate";
import { fileStore } from "@/lib/storage/files";
import { log } from "./log";

export type CheckName = "database" | "storage" | "migrations";
export interface Readiness {
  ready: boolean;
  checks: Record<CheckName, "ok" | "fail">;
}

const CHECK_TIMEOUT_MS = 3_000;

function within<T>(ms: number, work: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms);
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}

// Once every migration is applied to a database it stays so: the migrations folder is read once per
// database connection, not per probe.
const upToDate = new WeakSet<object>();

async function checkMigrations(): Promise<void> {
  const raw = rawSql();
  if (upToDate.has(raw)) return;
  const applied = new Set(
    (await raw.query<{ name: string }>(`SELECT migration_name AS name FROM "_prisma_migrations" WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL`)).map(
      (r) => r.name,
    ),
  );
  const pending = readMigrations().filter((m) => !applied.has(m.name));
  if (pending.length) throw new Error(`pending migrations: ${pending.map((m) => m.name).join(", ")}`);
  upToDate.add(raw);
}

const CHECKS: Record<CheckName, () => Promise<unknown>> = {
  database: () => rawSql().query("SELECT 1"),
  storage: () => fileStore().check(),
  migrations: checkMigrations,
};

export async function readiness(): Promise<Readiness> {
  const names = Object.keys(CHECKS) as CheckName[];
  const outcomes = await Promise.allSettled(names.map((name) => within(CHECK_TIMEOUT_MS, CHECKS[name]())));
  const checks = {} as Readiness["checks"];
  outcomes.forEach((outcome, i) => {
    const name = names[i] as CheckName;
    checks[name] = outcome.status === "fulfilled" ? "ok" : "fail";
    // The reason goes to the log, never to the anonymous caller.
    if (outcome.status === "rejected") log().warn({ check: name, err: outcome.reason as unknown }, `readiness check ${name} failed`);
  });
  return { ready: Object.values(checks).every((c) => c === "ok"), checks };
}

/** The answer /api/health and /api/health/ready give: 200 when ready, else 503, with each check's outcome. */
export async function readinessResponse(): Promise<Response> {
  const { ready, checks } = await readiness();
  return Response.json({ status: ready ? "ok" : "unavailable", checks }, { status: ready ? 200 : 503, headers: { "Cache-Control": "no-store" } });
}
