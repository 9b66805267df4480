// npm run backup and npm run restore as an operator runs them, on PostgreSQL with the files in an
// S3-compatible bucket (s3rver): the exit code is what a cron job or a runbook goes by.
import { execFile } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { Readable } from "node:stream";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { uploadAttachment } from "@/lib/attachments/mutations";
import { pdf } from "@/lib/testing/fixtures/files";
import { installDatabase, openDatabase } from "@/lib/db";
import { applyMigrations } from "@/lib/db/migrate";
import { installFileStore } from "@/lib/storage/files";
import type { ObjectStore } from "@/lib/storage/object-store";
import { createS3Store } from "@/lib/storage/s3";
import { createTestDatabase, dropTestDatabase } from "@/lib/testing/postgres";
import { startTestObjectServer, TEST_BUCKET, TEST_KEYS, type TestObjectServer } from "@/lib/testing/s3";
import { sessionUser } from "@/lib/testing/users";
import { loadDemo } from "@/prisma/seed/demo";

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs an npm script's file with tsx, as `npm run` would, in its own process (never blocking this one, which serves the bucket). */
function run(script: string, args: string[], env: Record<string, string>): Promise<Run> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      ["--import", "tsx", script, ...args],
      { env: { PATH: process.env.PATH ?? "", NODE_ENV: "production", ...env }, timeout: 120_000 },
      (error, stdout, stderr) => {
        resolve({ code: error ? (typeof error.code === "number" ? error.code : 1) : 0, stdout, stderr });
      },
    );
  });
}

let s3: TestObjectServer;
let work: string;
const databases: string[] = [];
beforeAll(async () => {
  s3 = await startTestObjectServer();
  work = await mkdtemp(path.join(os.tmpdir(), "duban-backup-cli-"));
});
afterAll(async () => {
  installFileStore(undefined);
  await s3.close();
  await rm(work, { recursive: true, force: true });
  for (const name of databases) await dropTestDatabase(name);
});

async function database(): Promise<string> {
  const created = await createTestDatabase("duban_cli");
  databases.push(created.name);
  return created.url;
}

/** The environment of an instance whose files are in the test bucket under `prefix`. */
const s3Env = (url: string, prefix: string) => ({
  DATABASE_URL: url,
  DUBAN_STORAGE: "s3",
  DUBAN_S3_ENDPOINT: s3.endpoint,
  DUBAN_S3_BUCKET: TEST_BUCKET,
  DUBAN_S3_FORCE_PATH_STYLE: "1",
  DUBAN_S3_PREFIX: prefix,
  DUBAN_S3_ACCESS_KEY_ID: TEST_KEYS.accessKeyId,
  DUBAN_S3_SECRET_ACCESS_KEY: TEST_KEYS.secretAccessKey,
});

describe("npm run backup / restore with the files in an S3-compatible bucket (PostgreSQL)", () => {
  let sourceUrl: string;
  let source: ObjectStore;
  let storageKey: string;
  const evidence = pdf("备份演练");

  beforeAll(async () => {
    sourceUrl = await database();
    const holder = openDatabase({ kind: "postgres", url: sourceUrl });
    installDatabase(holder);
    try {
      await applyMigrations(holder.connection.raw);
      await loadDemo(holder.prisma, { password: "demo-pass-unit" });
      source = createS3Store(s3.config("source/"));
      installFileStore(source);
      const lead = await sessionUser("lead1");
      const campaign = await holder.prisma.campaign.findFirstOrThrow({ where: { number: 1 } });
      const draft = await holder.prisma.progressReport.create({ data: { campaignId: campaign.id, year: 2018, month: 4, createdById: lead.id } });
      const uploaded = await uploadAttachment(lead, draft.id, new File([new Uint8Array(evidence)], "备份演练.pdf", { type: "application/pdf" }));
      if (!uploaded.ok) throw new Error(JSON.stringify(uploaded));
      storageKey = (await holder.prisma.attachment.findFirstOrThrow()).storageKey;
    } finally {
      installDatabase(undefined);
      await holder.prisma.$disconnect();
      await holder.connection.raw.close();
    }
  });

  it("backs up the database and the bucket's files, and restores both into a new database and bucket prefix", async () => {
    const out = path.join(work, "complete.tar.gz");
    const made = await run("scripts/backup.ts", ["--out", out], s3Env(sourceUrl, "source/"));
    expect(made.code).toBe(0);
    expect(made.stderr).not.toMatch(/error|fail/i);
    expect(made.stdout).toMatch(/Stored files: 1 \(.*\) from s3 s3:\/\/duban-test\/source\//);
    expect(made.stdout).not.toContain("INCOMPLETE");

    const restored = await run("scripts/restore.ts", [out], s3Env(await database(), "restored/"));
    expect(restored.code).toBe(0);
    expect(restored.stdout).toContain("Stored files: 1 checked, 1 copied");
    expect(restored.stdout).toMatch(/Audit chain intact/);
    const copy = await createS3Store(s3.config("restored/")).get(storageKey);
    const chunks: Buffer[] = [];
    for await (const chunk of copy as AsyncIterable<Buffer>) chunks.push(chunk);
    expect(Buffer.concat(chunks).equals(evidence)).toBe(true);
  });

  it("exits 1 naming a file the database names but the bucket lacks, and restore refuses that backup", async () => {
    await source.remove(storageKey);
    try {
      const out = path.join(work, "incomplete.tar.gz");
      const made = await run("scripts/backup.ts", ["--out", out], s3Env(sourceUrl, "source/"));
      expect(made.code).toBe(1);
      expect(made.stdout).toContain(`INCOMPLETE: 1 stored file(s) the database names are missing from s3 s3://duban-test/source/`);
      expect(made.stdout).toContain(storageKey);

      const refused = await run("scripts/restore.ts", [out], s3Env(await database(), "refused/"));
      expect(refused.code).toBe(1);
      expect(refused.stderr).toMatch(
        /The backup is incomplete: 1 stored file\(s\) its rows name are not in it \(Attachment evidence\/.*\)\. Nothing was changed/,
      );
    } finally {
      await source.put(storageKey, Readable.from([evidence]));
    }
  });

  it("refuses to run against PostgreSQL with files in a local folder not declared shared", async () => {
    const refused = await run("scripts/backup.ts", ["--out", path.join(work, "never.tar.gz")], {
      DATABASE_URL: sourceUrl,
      DUBAN_FILES_DIR: path.join(work, "local"),
    });
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/local folder .* but the database is PostgreSQL[\s\S]*DUBAN_FILES_SHARED=1/);
  });
});
