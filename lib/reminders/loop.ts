// The scheduler in the server: every DUBAN_SCHEDULER_SECONDS (default 60; 0 or NODE_ENV=test: off) it
// creates the scheduled reminders that are due and sends queued messages. Each run is safe to repeat and
// to run on several instances at once (scheduler.ts, lib/notify/queue.ts); its state is in the database,
// so a restart picks up where it stopped.
import "server-only";
import { env } from "@/lib/env";
import { runDeliveriesOnce } from "@/lib/notify/queue";
import { log } from "@/lib/ops/log";
import { runSchedulerOnce } from "./scheduler";

const g = globalThis as typeof globalThis & { __dubanScheduler?: NodeJS.Timeout };

export function schedulerIntervalSeconds(e: Pick<typeof env, "DUBAN_SCHEDULER_SECONDS" | "NODE_ENV"> = env): number {
  return e.DUBAN_SCHEDULER_SECONDS ?? (e.NODE_ENV === "test" ? 0 : 60);
}

/** One tick: reminders due now, then what is queued. Never throws (a failure is logged; the next tick tries again). */
export async function tick(): Promise<void> {
  try {
    const made = await runSchedulerOnce();
    if (made.reminders || made.instructions) log().info(made, "scheduled reminders created");
    const sent = await runDeliveriesOnce();
    if (sent.sent || sent.retried || sent.failed) log().info(sent, "deliveries");
  } catch (error) {
    log().error({ err: error }, "scheduler run failed");
  }
}

/** Starts the loop once per process (a dev hot reload keeps the one it has). */
export function startScheduler(): void {
  const seconds = schedulerIntervalSeconds();
  if (!seconds || g.__dubanScheduler) return;
  let running = false;
  g.__dubanScheduler = setInterval(() => {
    if (running) return;
    running = true;
    void tick().finally(() => (running = false));
  }, seconds * 1000);
  g.__dubanScheduler.unref();
  log().info({ seconds }, "reminder scheduler started");
}
