// The app's three kinds of stored file on the object-store backend (s3rver, a local S3-compatible
// server from npm), on both databases: evidence uploaded and downloaded through the route handlers,
// an archived 月报 downloaded again, a plan workbook dry-run and confirmed. The session is stubbed
// (next-auth needs a request context); everything below it is the real code.
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { GET as downloadAttachment } from "@/app/api/attachments/[id]/route";
import { POST as uploadEvidence } from "@/app/api/reports/[reportId]/attachments/route";
import { GET as downloadSummary } from "@/app/api/summaries/[id]/route";
import { pdf } from "@/lib/testing/fixtures/files";
import type { SessionUser } from "@/lib/auth/roles";
import { log } from "@/lib/ops/log";
import { applyImport } from "@/lib/plans/import/apply";
import { dryRunImport } from "@/lib/plans/import/dry-run";
import { storeImportFile } from "@/lib/plans/import/files";
import { bookToXlsx, shendangBook } from "@/lib/testing/fixtures/workbooks";
import { generateSummary } from "@/lib/summary/archive";
import { DB_KINDS, useTestDatabase } from "@/lib/testing/db";
import { startTestObjectServer, type TestObjectServer } from "@/lib/testing/s3";
import { isStored, overwriteStored, storedPaths } from "@/lib/testing/storage";
import { sessionUser } from "@/lib/testing/users";
import { fileStore, installFileStore } from "./files";

const session = vi.hoisted(() => ({ user: null as SessionUser | null }));
vi.mock("@/lib/auth/session", () => ({ currentUser: () => Promise.resolve(session.user) }));

const ORIGIN = "http://duban.test";
const as = async (username: string) => {
  session.user = await sessionUser(username);
  return session.user;
};

let s3: TestObjectServer;
beforeAll(async () => {
  s3 = await startTestObjectServer();
});
afterAll(async () => {
  installFileStore(undefined);
  await s3.close();
});

describe.each(DB_KINDS)("stored files in an S3-compatible bucket (%s)", (kind) => {
  const t = useTestDatabase(kind, "demo");
  let planId: string;
  beforeAll(async () => {
    installFileStore(s3.store());
    planId = t.demo.planId;
  });

  it("evidence: uploaded into the bucket, downloaded checked, refused once damaged, removed with its row", async () => {
    expect(fileStore().backend).toBe("s3");
    const lead = await as("lead1");
    const campaign = await t.prisma.campaign.findFirstOrThrow({ where: { number: 1 } });
    const draft = await t.prisma.progressReport.create({ data: { campaignId: campaign.id, year: 2018, month: 4, createdById: lead.id } });
    const content = pdf("四月佐证");
    const form = new FormData();
    form.append("file", new File([new Uint8Array(content)], "四月佐证.pdf", { type: "application/pdf" }));
    const uploaded = await uploadEvidence(
      new Request(`${ORIGIN}/api/reports/${draft.id}/attachments`, { method: "POST", body: form, headers: { host: "duban.test", origin: ORIGIN } }),
      {
        params: Promise.resolve({ reportId: draft.id }),
      },
    );
    expect(uploaded.status).toBe(201);
    const { id } = (await uploaded.json()) as { id: string };
    const row = await t.prisma.attachment.findUniqueOrThrow({ where: { id } });
    expect(await storedPaths()).toContain(row.storageKey);

    // A draft's evidence is its leads' and admins' (lib/reports/visibility.ts): an admin downloads it.
    await as("admin");
    const download = () => downloadAttachment(new Request(`${ORIGIN}/api/attachments/${id}`), { params: Promise.resolve({ id }) });
    const ok = await download();
    expect(ok.status).toBe(200);
    expect(Buffer.from(await ok.arrayBuffer()).equals(content)).toBe(true);

    const damaged = Buffer.from(content);
    damaged.writeUInt8(damaged.readUInt8(20) ^ 0x01, 20);
    await overwriteStored(row.storageKey, damaged);
    const logged = vi.spyOn(log(), "error").mockImplementation(() => undefined);
    try {
      expect((await download()).status).toBe(500);
      expect(logged).toHaveBeenCalledWith(expect.objectContaining({ attachmentId: id, reason: "sha256" }), "evidence file failed its check");
    } finally {
      logged.mockRestore();
    }

    await as("lead1");
    const { DELETE } = await import("@/app/api/attachments/[id]/route");
    expect(
      (
        await DELETE(new Request(`${ORIGIN}/api/attachments/${id}`, { method: "DELETE", headers: { host: "duban.test", origin: ORIGIN } }), {
          params: Promise.resolve({ id }),
        })
      ).status,
    ).toBe(204);
    expect(await isStored(row.storageKey)).toBe(false);
  });

  it("an archived 月报: stored in the bucket and downloaded again byte for byte", async () => {
    const staff = await as("staff");
    const result = await generateSummary(staff, planId, { month: "3", format: "csv", campaignIds: [] }, "zh-CN");
    if (!result.ok || !result.data) throw new Error(`not generated: ${JSON.stringify(result)}`);
    const row = await t.prisma.summaryArchive.findUniqueOrThrow({ where: { id: result.data.id } });
    expect(row.storageKey).toMatch(/^summaries\//);
    const res = await downloadSummary(new Request(`${ORIGIN}/api/summaries/${row.id}`), { params: Promise.resolve({ id: row.id }) });
    expect(res.status).toBe(200);
    const body = Buffer.from(await res.arrayBuffer());
    expect(body.byteLength).toBe(row.size);
    expect(body.subarray(0, 3).equals(Buffer.from([0xef, 0xbb, 0xbf]))).toBe(true);
  });

  it("a plan workbook: kept in the bucket between the dry run and the confirm; one changed meanwhile is gone", async () => {
    const staff = await as("staff");
    const stored = await storeImportFile(await bookToXlsx(shendangBook("2018年十大战役（对象存储导入）")));
    if (!stored.ok) throw new Error(stored.problem);
    const file = { storageKey: stored.stored.storageKey, sha256: stored.stored.sha256, fileName: "计划.xlsx" };
    const dry = await dryRunImport(staff, file);
    if (!dry.ok) throw new Error(dry.problem);
    // A plan the town does not have yet: it will be created.
    expect(dry.dry.plan).toMatchObject({ title: "2018年十大战役（对象存储导入）", id: null });
    const applied = await applyImport(staff, { ...file, fingerprint: dry.dry.fingerprint });
    expect(applied).toMatchObject({ ok: true, data: { updated: 0 } });
    expect(await t.prisma.plan.count({ where: { title: "2018年十大战役（对象存储导入）" } })).toBe(1);

    await overwriteStored(file.storageKey, Buffer.from("not the same workbook"));
    expect(await dryRunImport(staff, file)).toEqual({ ok: false, problem: "gone" });
  });
});
