// The environment, read and checked once. Nothing else reads process.env for app settings.
import path from "node:path";
import { z } from "zod";

const schema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  /** PostgreSQL in production; unset means the embedded database in DUBAN_DATA_DIR. */
  DATABASE_URL: z.string().url().optional(),
  DUBAN_DATA_DIR: z.string().default("./data"),
  /** Evidence files and archived summaries; defaults to <data dir>/files. */
  DUBAN_FILES_DIR: z.string().optional(),
  NEXTAUTH_SECRET: z.string().min(32).optional(),
  /** Pins "today" (YYYY-MM-DD) for the demo plan and the tests; unset in real use. */
  DUBAN_TODAY: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/)
    .optional(),
  /** Load the Shendang demo plan into an empty PostgreSQL database too (never needed for the embedded one). */
  DUBAN_SEED_DEMO: z.enum(["0", "1"]).optional(),
  /** A known demo password (tests); otherwise a random one is made and printed at first start. */
  DUBAN_DEMO_PASSWORD: z.string().min(8).optional(),
  /** Trust X-Forwarded-For for the client address (only behind your own reverse proxy). */
  DUBAN_TRUST_PROXY: z.enum(["0", "1"]).default("0"),
  /** Enables /api/test/* for the browser tests. Never set it in production. */
  DUBAN_E2E_TOKEN: z.string().min(16).optional(),
});

export type Env = z.infer<typeof schema>;

function read(): Env {
  const parsed = schema.safeParse(process.env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`);
    throw new Error(`Invalid environment (see .env.example):\n${lines.join("\n")}`);
  }
  return parsed.data;
}

export const env: Env = read();

export const dataDir = path.resolve(/* turbopackIgnore: true */ env.DUBAN_DATA_DIR);
export const filesDir = path.resolve(/* turbopackIgnore: true */ env.DUBAN_FILES_DIR ?? path.join(dataDir, "files"));
export const usesEmbeddedDatabase = !env.DATABASE_URL;
