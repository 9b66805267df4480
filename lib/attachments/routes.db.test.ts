// The two route handlers, called as Next calls them, on both databases. The session is stubbed
// (next-auth needs a request context); everything below it is the real code.
import { rm } from "node:fs/promises";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { DELETE, GET } from "@/app/api/attachments/[id]/route";
import { POST } from "@/app/api/reports/[reportId]/attachments/route";
import type { SessionUser } from "@/lib/auth/roles";
import { log } from "@/lib/ops/log";
import { sha256Hex } from "@/lib/storage/files";
import { DB_KINDS, useTestDatabase } from "@/lib/testing/db";
import { isStored, overwriteStored } from "@/lib/testing/storage";
import { sessionUser } from "@/lib/testing/users";
import { MAX_FILE_BYTES, MAX_REQUEST_BYTES } from "./rules";
import * as fixtures from "@/lib/testing/fixtures/files";

const FILES_DIR = await vi.hoisted(async () => {
  const { mkdtemp } = await import("node:fs/promises");
  const { tmpdir } = await import("node:os");
  const { join } = await import("node:path");
  const dir = await mkdtemp(join(tmpdir(), "duban-routes-test-"));
  process.env.DUBAN_FILES_DIR = dir;
  return dir;
});

const session = vi.hoisted(() => ({ user: null as SessionUser | null }));
vi.mock("@/lib/auth/session", () => ({ currentUser: () => Promise.resolve(session.user) }));

afterAll(async () => {
  await rm(FILES_DIR, { recursive: true, force: true });
});

const ORIGIN = "http://duban.test";

function upload(reportId: string, content: Buffer | null, name = "材料.pdf", init: RequestInit & { headers?: Record<string, string> } = {}) {
  const form = new FormData();
  if (content) form.append("file", new File([new Uint8Array(content)], name, { type: "application/pdf" }));
  const request = new Request(`${ORIGIN}/api/reports/${reportId}/attachments`, {
    method: "POST",
    body: form,
    ...init,
    headers: { host: "duban.test", ...init.headers },
  });
  return POST(request, { params: Promise.resolve({ reportId }) });
}

function download(id: string) {
  return GET(new Request(`${ORIGIN}/api/attachments/${id}`, { headers: { host: "duban.test" } }), { params: Promise.resolve({ id }) });
}

function remove(id: string, headers: Record<string, string> = {}) {
  return DELETE(new Request(`${ORIGIN}/api/attachments/${id}`, { method: "DELETE", headers: { host: "duban.test", ...headers } }), {
    params: Promise.resolve({ id }),
  });
}

describe.each(DB_KINDS)("evidence routes (%s)", (kind) => {
  const t = useTestDatabase(kind, "demo");
  let draftId: string;
  let submittedId: string;
  let attachmentId: string;
  const content = fixtures.pdf("路由");

  beforeAll(async () => {
    const lead1 = await t.prisma.user.findUniqueOrThrow({ where: { username: "lead1" } });
    const campaign = await t.prisma.campaign.findFirstOrThrow({ where: { number: 1 } });
    draftId = (await t.prisma.progressReport.create({ data: { campaignId: campaign.id, year: 2018, month: 4, createdById: lead1.id } })).id;
    submittedId = (await t.prisma.progressReport.findFirstOrThrow({ where: { campaign: { number: 5 }, month: 3 } })).id;
    const county = await t.prisma.organization.findUniqueOrThrow({ where: { code: "haiyan" } });
    const town2 = await t.prisma.organization.create({ data: { kind: "TOWN", code: "town2", name: "通元镇", parentId: county.id } });
    await t.prisma.user.create({
      data: { username: "town2viewer", name: "通元", passwordHash: "-", orgId: town2.id, roles: { create: { role: "VIEWER", orgId: town2.id } } },
    });
  });

  const as = async (username: string | null) => {
    session.user = username ? await sessionUser(username) : null;
  };

  it("POST: 401 when signed out", async () => {
    await as(null);
    const response = await upload(draftId, content);
    expect(response.status).toBe(401);
    expect(await response.json()).toEqual({ error: "unauthorized" });
  });

  it("POST: 201 with the new id for the campaign's lead", async () => {
    await as("lead1");
    const response = await upload(draftId, content, "佐证材料 三月.pdf", { headers: { origin: ORIGIN } });
    expect(response.status).toBe(201);
    const body = (await response.json()) as { id: string };
    attachmentId = body.id;
    expect(await t.prisma.attachment.findUniqueOrThrow({ where: { id: body.id } })).toMatchObject({
      fileName: "佐证材料 三月.pdf",
      sha256: sha256Hex(content),
    });
  });

  it("POST: 400 with the field error for a disguised program, a missing file, a body that is not multipart", async () => {
    await as("lead1");
    let response = await upload(draftId, fixtures.exe(), "通知.pdf");
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({ error: "invalid", fieldErrors: { file: ["validation.fileType"] } });
    response = await upload(draftId, null);
    expect(await response.json()).toEqual({ error: "invalid", fieldErrors: { file: ["validation.fileMissing"] } });
    response = await POST(
      new Request(`${ORIGIN}/api/reports/${draftId}/attachments`, { method: "POST", body: "{}", headers: { "content-type": "application/json" } }),
      { params: Promise.resolve({ reportId: draftId }) },
    );
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({ error: "invalid", fieldErrors: { file: ["validation.fileUnreadable"] } });
  });

  it("POST: 404 for a user who may not write the report, 409 for a submitted one", async () => {
    await as("viewer");
    expect((await upload(draftId, content)).status).toBe(404);
    await as("lead5");
    const response = await upload(submittedId, content);
    expect(response.status).toBe(409);
    expect(await response.json()).toMatchObject({ error: "locked" });
  });

  it("POST: 413 when the declared length is over the limit, before the body is read", async () => {
    await as("lead1");
    let read = false;
    const body = new ReadableStream<Uint8Array>(
      {
        pull() {
          read = true;
          throw new Error("the body should not be read");
        },
      },
      { highWaterMark: 0 },
    );
    const request = new Request(`${ORIGIN}/api/reports/${draftId}/attachments`, {
      method: "POST",
      body,
      duplex: "half",
      headers: { "content-type": "multipart/form-data; boundary=x", "content-length": String(MAX_REQUEST_BYTES + 1) },
    } as RequestInit);
    const response = await POST(request, { params: Promise.resolve({ reportId: draftId }) });
    expect(response.status).toBe(413);
    expect(await response.json()).toEqual({ error: "invalid", fieldErrors: { file: ["validation.fileTooLarge"] } });
    expect(read).toBe(false);
  });

  it("POST: 413 when a body without a length runs past the limit", async () => {
    await as("lead1");
    const chunk = new Uint8Array(1024 * 1024);
    let sent = 0;
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (sent === 0) controller.enqueue(new TextEncoder().encode('--x\r\nContent-Disposition: form-data; name="file"; filename="a.pdf"\r\n\r\n'));
        if (sent > 40) controller.close();
        else controller.enqueue(chunk);
        sent += 1;
      },
    });
    const request = new Request(`${ORIGIN}/api/reports/${draftId}/attachments`, {
      method: "POST",
      body,
      duplex: "half",
      headers: { "content-type": "multipart/form-data; boundary=x" },
    } as RequestInit);
    const response = await POST(request, { params: Promise.resolve({ reportId: draftId }) });
    expect(response.status).toBe(413);
    expect(sent).toBeLessThan(20);
  });

  it("POST: 413, not 400, for a body over 10 MiB that was cut short before the handler (a proxy body limit)", async () => {
    await as("lead1");
    const truncated = '--x\r\nContent-Disposition: form-data; name="file"; filename="a.pdf"\r\nContent-Type: application/pdf\r\n\r\n%PDF-1.4 and then nothing';
    const request = new Request(`${ORIGIN}/api/reports/${draftId}/attachments`, {
      method: "POST",
      body: truncated,
      headers: { "content-type": "multipart/form-data; boundary=x", "content-length": String(MAX_FILE_BYTES + 500) },
    });
    const response = await POST(request, { params: Promise.resolve({ reportId: draftId }) });
    expect(response.status).toBe(413);
  });

  it("POST and DELETE: 403 for a request from another origin", async () => {
    await as("lead1");
    expect((await upload(draftId, content, "a.pdf", { headers: { origin: "https://evil.example" } })).status).toBe(403);
    expect((await remove(attachmentId, { origin: "https://evil.example" })).status).toBe(403);
  });

  it("GET: 401 signed out, 404 for another town", async () => {
    await as(null);
    expect((await download(attachmentId)).status).toBe(401);
    await as("town2viewer");
    expect((await download(attachmentId)).status).toBe(404);
    expect((await download("no-such-id")).status).toBe(404);
  });

  it("GET: 404 for a viewer of the town while the report is a draft (its content is its leads')", async () => {
    await as("viewer");
    expect((await download(attachmentId)).status).toBe(404);
    await as("lead1");
    expect((await download(attachmentId)).status).toBe(200);
  });

  it("GET: the file with its type, length, name and no-sniff, no-store headers for a viewer of the town, once submitted", async () => {
    await t.prisma.progressReport.update({ where: { id: draftId }, data: { status: "SUBMITTED" } });
    await as("viewer");
    const response = await download(attachmentId);
    await t.prisma.progressReport.update({ where: { id: draftId }, data: { status: "DRAFT" } });
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("application/pdf");
    expect(response.headers.get("content-length")).toBe(String(content.byteLength));
    expect(response.headers.get("x-content-type-options")).toBe("nosniff");
    expect(response.headers.get("cache-control")).toBe("private, no-store");
    const disposition = response.headers.get("content-disposition") ?? "";
    expect(disposition.startsWith("attachment;")).toBe(true);
    expect(decodeURIComponent(/filename\*=UTF-8''(\S+)/.exec(disposition)?.[1] ?? "")).toBe("佐证材料 三月.pdf");
    expect(Buffer.from(await response.arrayBuffer()).equals(content)).toBe(true);
  });

  it("GET: 500 with a generic message (and a log line) when the stored file no longer matches its sha256", async () => {
    await as("lead1");
    const row = await t.prisma.attachment.findUniqueOrThrow({ where: { id: attachmentId } });
    const tampered = Buffer.from(content);
    tampered.writeUInt8(tampered.readUInt8(20) ^ 0x01, 20);
    await overwriteStored(row.storageKey, tampered);
    const logged = vi.spyOn(log(), "error").mockImplementation(() => {});
    try {
      const response = await download(attachmentId);
      expect(response.status).toBe(500);
      expect(await response.json()).toEqual({ error: "unavailable" });
      expect(logged).toHaveBeenCalledWith(expect.objectContaining({ attachmentId, reason: "sha256" }), "evidence file failed its check");
    } finally {
      logged.mockRestore();
      await overwriteStored(row.storageKey, content);
    }
  });

  it("DELETE: 404 for a viewer, 204 for the lead (row and file gone), then 404", async () => {
    const row = await t.prisma.attachment.findUniqueOrThrow({ where: { id: attachmentId } });
    await as("viewer");
    expect((await remove(attachmentId)).status).toBe(404);
    await as(null);
    expect((await remove(attachmentId)).status).toBe(401);
    await as("lead1");
    const response = await remove(attachmentId, { origin: ORIGIN });
    expect(response.status).toBe(204);
    expect(await t.prisma.attachment.findUnique({ where: { id: attachmentId } })).toBeNull();
    expect(await isStored(row.storageKey)).toBe(false);
    expect((await remove(attachmentId)).status).toBe(404);
  });

  it("DELETE: 409 once the report is submitted", async () => {
    await as("lead1");
    const created = (await (await upload(draftId, fixtures.png(), "现场.png")).json()) as { id: string };
    await t.prisma.progressReport.update({ where: { id: draftId }, data: { status: "SUBMITTED" } });
    const response = await remove(created.id);
    expect(response.status).toBe(409);
    expect(await response.json()).toEqual({ error: "locked", status: "SUBMITTED" });
  });
});
