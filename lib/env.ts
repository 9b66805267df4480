// The environment, read and checked once. Nothing else reads process.env for app settings.
import path from "node:path";
import proxyaddr from "proxy-addr";
import { z } from "zod";

/** "10.0.0.5, 192.168.1.0/24, loopback" → the list proxy-addr compiles (its keywords included). */
export function trustedProxyList(value: string | undefined): string[] {
  return (value ?? "")
    .split(/[\s,]+/)
    .map((s) => s.trim())
    .filter(Boolean);
}

const schema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  /** PostgreSQL in production; unset means the embedded database in DUBAN_DATA_DIR. */
  DATABASE_URL: z.string().url().optional(),
  DUBAN_DATA_DIR: z.string().default("./data"),
  /** Where stored files live (evidence, archived summaries, import uploads): a folder, or an S3-compatible bucket. */
  DUBAN_STORAGE: z.enum(["disk", "s3"]).default("disk"),
  /** disk: the folder; defaults to <data dir>/files. */
  DUBAN_FILES_DIR: z.string().optional(),
  /** disk with PostgreSQL: "1" declares the folder shared by every instance (NFS), or that there is one instance. */
  DUBAN_FILES_SHARED: z.enum(["0", "1"]).default("0"),
  /** s3: the bucket, and the endpoint of an S3-compatible store (OSS, COS, OBS, MinIO); unset endpoint = AWS. */
  DUBAN_S3_BUCKET: z.string().min(3).optional(),
  DUBAN_S3_ENDPOINT: z.string().url().optional(),
  DUBAN_S3_REGION: z.string().min(1).default("us-east-1"),
  /** "1": bucket in the path (MinIO and most self-hosted stores); "0": bucket in the host name (OSS, COS, OBS, AWS). */
  DUBAN_S3_FORCE_PATH_STYLE: z.enum(["0", "1"]).default("0"),
  /** Keys are stored below this prefix (e.g. "duban/"), so one bucket can serve several things. */
  DUBAN_S3_PREFIX: z
    .string()
    .regex(/^([A-Za-z0-9._-]+\/)*$/, "a path ending in /, like duban/")
    .default(""),
  /** Unset: the SDK's usual sources (AWS_ACCESS_KEY_ID…, an instance role). */
  DUBAN_S3_ACCESS_KEY_ID: z.string().min(1).optional(),
  DUBAN_S3_SECRET_ACCESS_KEY: z.string().min(1).optional(),
  NEXTAUTH_SECRET: z.string().min(32).optional(),
  /** The address users open (next-auth's base URL); https here also turns on HSTS. */
  NEXTAUTH_URL: z.string().url().optional(),
  /** Pins "today" (YYYY-MM-DD) for the demo plan and the tests; unset in real use. */
  DUBAN_TODAY: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/)
    .optional(),
  /** Load the Shendang demo plan into an empty PostgreSQL database too (never needed for the embedded one). */
  DUBAN_SEED_DEMO: z.enum(["0", "1"]).optional(),
  /** A known demo password (tests); otherwise a random one is made and printed at first start. */
  DUBAN_DEMO_PASSWORD: z.string().min(8).optional(),
  /**
   * The reverse proxies in front of the app (addresses, CIDRs, or "loopback", "linklocal",
   * "uniquelocal"): only a request arriving from one of them has its X-Forwarded-For and
   * X-Forwarded-Proto believed. Unset: the client address is the socket's, headers are ignored.
   */
  DUBAN_TRUSTED_PROXIES: z
    .string()
    .optional()
    .refine(
      (v) => {
        try {
          proxyaddr.compile(trustedProxyList(v));
          return true;
        } catch {
          return false;
        }
      },
      { message: "a list of IP addresses or CIDRs (e.g. 10.0.0.5,10.1.0.0/16), or loopback / linklocal / uniquelocal" },
    ),
  /** Replaced by DUBAN_TRUSTED_PROXIES, which names the proxies instead of believing any client's header. */
  DUBAN_TRUST_PROXY: z
    .string()
    .optional()
    .refine((v) => v === undefined || v === "0", { message: "no longer used: list your proxies in DUBAN_TRUSTED_PROXIES instead" }),
  /** A session ends this many hours after sign-in, whatever happens. */
  DUBAN_SESSION_MAX_HOURS: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 30)
    .default(12),
  /** A session ends after this many minutes without a request. */
  DUBAN_SESSION_IDLE_MINUTES: z.coerce
    .number()
    .int()
    .min(5)
    .max(24 * 60 * 30)
    .default(120),
  /** When set, /api/metrics answers only "Authorization: Bearer <this>". */
  DUBAN_METRICS_TOKEN: z.string().min(16).optional(),
  /** pino's level for the JSON logs on stdout. */
  DUBAN_LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  // Notifications (lib/notify/): every channel is off until configured, so nothing is sent anywhere by default.
  /** Email: an SMTP server as smtp://user:pass@host:587 or smtps://…:465 (nodemailer), and the sender. */
  DUBAN_SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\//, "smtp://user:password@host:port or smtps://…")
    .optional(),
  DUBAN_MAIL_FROM: z.string().min(3).default("督办 <duban@localhost>"),
  /** 钉钉 custom robot: its webhook (…/robot/send?access_token=…) and, for 加签, its secret (SEC…). */
  DUBAN_DINGTALK_WEBHOOK: z.string().url().optional(),
  DUBAN_DINGTALK_SECRET: z.string().min(1).optional(),
  /** 企业微信 group robot: its webhook (…/cgi-bin/webhook/send?key=…). */
  DUBAN_WECOM_WEBHOOK: z.string().url().optional(),
  /** A generic JSON webhook (an intranet system) that receives every message, signed with the secret. */
  DUBAN_WEBHOOK_URL: z.string().url().optional(),
  DUBAN_WEBHOOK_SECRET: z.string().min(16).optional(),
  /** SMS: the provider ("aliyun": dysmsapi SendSms) and its account, signature name and template. */
  DUBAN_SMS_PROVIDER: z.enum(["aliyun"]).optional(),
  DUBAN_SMS_ENDPOINT: z.string().url().default("https://dysmsapi.aliyuncs.com/"),
  DUBAN_SMS_ACCESS_KEY_ID: z.string().min(1).optional(),
  DUBAN_SMS_ACCESS_KEY_SECRET: z.string().min(1).optional(),
  DUBAN_SMS_SIGN_NAME: z.string().min(1).optional(),
  DUBAN_SMS_TEMPLATE_CODE: z.string().min(1).optional(),
  /**
   * The 催办 scheduler and the sender of queued messages run in the server every this many seconds;
   * 0 turns both off (the default under NODE_ENV=test; the browser tests drive them through /api/test).
   */
  DUBAN_SCHEDULER_SECONDS: z.coerce.number().int().min(0).max(86_400).optional(),
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
export const usesEmbeddedDatabase = !env.DATABASE_URL;
