// The key that signs session cookies. Production sets NEXTAUTH_SECRET; the embedded (single
// machine) setup makes one on first start and keeps it beside its data, so a newcomer needs no setup.
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { dataDir, env, usesEmbeddedDatabase } from "@/lib/env";

let cached: string | undefined;

export function authSecret(): string {
  if (cached) return cached;
  if (env.NEXTAUTH_SECRET) return (cached = env.NEXTAUTH_SECRET);
  if (!usesEmbeddedDatabase) {
    throw new Error("NEXTAUTH_SECRET must be set (32+ characters) when DATABASE_URL is set; see .env.example.");
  }
  const file = path.join(dataDir, "auth-secret");
  fs.mkdirSync(dataDir, { recursive: true });
  try {
    fs.writeFileSync(file, randomBytes(32).toString("base64url"), { flag: "wx", mode: 0o600 });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
  }
  return (cached = fs.readFileSync(file, "utf8").trim());
}
