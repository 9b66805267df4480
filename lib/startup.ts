// What the server does before it serves: check that its file storage is usable (refusing a local
// folder that other instances would not see), apply pending migrations, then, on an empty database,
// load the demo plan (embedded database, or PostgreSQL with DUBAN_SEED_DEMO=1). A production
// PostgreSQL database is never given demo users or a known password: an admin is bootstrapped
// explicitly (npm run admin:create).
import fs from "node:fs";
import path from "node:path";
import { db, rawSql } from "@/lib/db";
import { applyMigrations } from "@/lib/db/migrate";
import { dataDir, env, usesEmbeddedDatabase } from "@/lib/env";
import { log } from "@/lib/ops/log";
import { fileStore } from "@/lib/storage/files";
import { loadDemo } from "@/prisma/seed/demo";

/**
 * startup(), or the process ends with the reason: a storage other instances would not see, a
 * database that cannot be migrated. Better than a server answering every request with an error.
 */
export async function startupOrExit(): Promise<void> {
  try {
    await startup();
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    log().fatal({ err: error }, `start-up failed: ${message}`);
    // And once more as plain text, for the person who just ran npm start.
    process.stderr.write(`\nDuban did not start:\n${message}\n\n`);
    process.exit(1);
  }
}

export async function startup(): Promise<void> {
  const started = Date.now();
  // Throws StorageConfigError (a local folder with PostgreSQL, not declared shared) before anything else.
  const store = fileStore();
  await store.check().catch((error: unknown) => {
    throw new Error(`File storage (${store.backend} ${store.location}) is not usable: ${(error as Error).message}`, { cause: error });
  });

  const raw = rawSql();
  const applied = await applyMigrations(raw);
  if (applied.length) log().info({ migrations: applied }, "applied migrations");

  // Under the migration lock: instances starting together on an empty database load the demo once.
  await raw.withLock(async () => {
    if ((await db().user.count()) > 0) return;
    if (usesEmbeddedDatabase || env.DUBAN_SEED_DEMO === "1") {
      const { password, usernames } = await loadDemo(db(), { password: env.DUBAN_DEMO_PASSWORD });
      // For the person at the terminal, once, and deliberately not a log record: logs keep no passwords.
      process.stdout.write(
        [
          "",
          "[duban] 已载入演示数据：沈荡镇 2018年十大战役 (demo plan loaded)",
          `[duban] 演示账号 (demo users): ${usernames.join(", ")}`,
          `[duban] 密码 (password, shown once): ${password}`,
          "",
          "",
        ].join("\n"),
      );
      if (usesEmbeddedDatabase) {
        // A single-machine demo: keep the sign-in beside its data, readable by this user only.
        const file = path.join(dataDir, "demo-login.txt");
        fs.writeFileSync(file, `演示账号 (demo users): ${usernames.join(", ")}\n密码 (password): ${password}\n`, { mode: 0o600 });
      }
    } else {
      log().warn("The database has no users. Create the first admin: npm run admin:create -- <username>");
    }
  });
  // Scheduled 催办 and the sending of queued messages (off under NODE_ENV=test or DUBAN_SCHEDULER_SECONDS=0).
  const { startScheduler } = await import("@/lib/reminders/loop");
  startScheduler();
  log().info(
    { database: usesEmbeddedDatabase ? "embedded" : "postgres", storage: `${store.backend} ${store.location}`, ms: Date.now() - started },
    "database and storage ready",
  );
}
