// What the server does before it serves: apply pending migrations, then, on an empty database,
// load the demo plan (embedded database, or PostgreSQL with DUBAN_SEED_DEMO=1). A production
// PostgreSQL database is never given demo users or a known password: an admin is bootstrapped
// explicitly (npm run admin:create).
import fs from "node:fs";
import path from "node:path";
import { db, rawSql } from "@/lib/db";
import { applyMigrations } from "@/lib/db/migrate";
import { dataDir, env, usesEmbeddedDatabase } from "@/lib/env";
import { loadDemo } from "@/prisma/seed/demo";

export async function startup(): Promise<void> {
  const started = Date.now();
  const applied = await applyMigrations(rawSql());
  if (applied.length) console.log(`[duban] applied migrations: ${applied.join(", ")}`);

  const users = await db().user.count();
  if (users === 0) {
    if (usesEmbeddedDatabase || env.DUBAN_SEED_DEMO === "1") {
      const { password, usernames } = await loadDemo(db(), { password: env.DUBAN_DEMO_PASSWORD });
      console.log(
        [
          "",
          "[duban] 已载入演示数据：沈荡镇 2018年十大战役 (demo plan loaded)",
          `[duban] 演示账号 (demo users): ${usernames.join(", ")}`,
          `[duban] 密码 (password, shown once): ${password}`,
          "",
        ].join("\n"),
      );
      if (usesEmbeddedDatabase) {
        // A single-machine demo: keep the sign-in beside its data, readable by this user only.
        const file = path.join(dataDir, "demo-login.txt");
        fs.writeFileSync(file, `演示账号 (demo users): ${usernames.join(", ")}\n密码 (password): ${password}\n`, { mode: 0o600 });
      }
    } else {
      console.warn("[duban] The database has no users. Create the first admin: npm run admin:create -- <username>");
    }
  }
  console.log(`[duban] database ready (${usesEmbeddedDatabase ? "embedded" : "PostgreSQL"}) in ${Date.now() - started} ms`);
}
