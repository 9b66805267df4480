// Every route handler that takes an id in its URL, called as Next calls it with junk for the id:
// a NUL byte (PostgreSQL refuses it with an error), a path, non-ASCII, a huge string. The answer is
// a 404 (or 400), never a throw (a 500). The session is stubbed; everything below it is real.
import { rm } from "node:fs/promises";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { SessionUser } from "@/lib/auth/roles";
import { DB_KINDS, openTestDatabase, type TestDatabase } from "@/lib/testing/db";
import { sessionUser } from "@/lib/testing/users";
import { loadDemo } from "@/prisma/seed/demo";

// lib/env reads DUBAN_FILES_DIR once: point it at a temporary folder before anything imports it.
const FILES_DIR = await vi.hoisted(async () => {
  const { mkdtemp } = await import("node:fs/promises");
  const { tmpdir } = await import("node:os");
  const { join } = await import("node:path");
  const dir = await mkdtemp(join(tmpdir(), "duban-route-ids-test-"));
  process.env.DUBAN_FILES_DIR = dir;
  return dir;
});
afterAll(() => rm(FILES_DIR, { recursive: true, force: true }));

const session = vi.hoisted(() => ({ user: null as SessionUser | null }));
vi.mock("@/lib/auth/session", () => ({ currentUser: () => Promise.resolve(session.user) }));
vi.mock("next/headers", () => ({ cookies: () => Promise.resolve({ get: () => undefined }) }));

const attachment = await import("@/app/api/attachments/[id]/route");
const summary = await import("@/app/api/summaries/[id]/route");
const workbook = await import("@/app/api/plans/[planId]/workbook/route");
const summaries = await import("@/app/api/plans/[planId]/summaries/route");
const upload = await import("@/app/api/reports/[reportId]/attachments/route");

const ORIGIN = "http://duban.test";
const JUNK = ["\u0000", "abc\u0000def", "../../etc/passwd", "编号", "x".repeat(5000), "a b", ""];

const at = (path: string, init: RequestInit = {}) =>
  new Request(`${ORIGIN}${path}`, { ...init, headers: { host: "duban.test", ...(init.headers as Record<string, string>) } });
const params = <T>(p: T) => ({ params: Promise.resolve(p) });

describe.each(DB_KINDS)("route handlers with junk ids (%s)", (kind) => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await openTestDatabase(kind);
    await loadDemo(t.prisma, { password: "demo-pass-unit" });
    session.user = await sessionUser("admin");
  });
  afterAll(() => t.close());

  it.each(JUNK.map((j) => [JSON.stringify(j).slice(0, 40), j]))("answers 404 for the id %s", async (_name, id) => {
    const answers = [
      await attachment.GET(at("/api/attachments/x"), params({ id })),
      await attachment.DELETE(at("/api/attachments/x", { method: "DELETE" }), params({ id })),
      await summary.GET(at("/api/summaries/x"), params({ id })),
      await workbook.GET(at("/api/plans/x/workbook"), params({ planId: id })),
      await summaries.POST(
        at("/api/plans/x/summaries", {
          method: "POST",
          headers: { accept: "application/json", "content-type": "application/json" },
          body: JSON.stringify({ month: 3, format: "csv" }),
        }),
        params({ planId: id }),
      ),
      await summaries.POST(at("/api/plans/x/summaries", { method: "POST", body: new URLSearchParams({ month: "3", format: "csv" }) }), params({ planId: id })),
      await upload.POST(at("/api/reports/x/attachments", { method: "POST", body: form() }), params({ reportId: id })),
    ];
    for (const answer of answers) expect(answer.status).toBe(404);
  });

  it("answers 400 for a junk id among the summary's campaigns", async () => {
    const plan = await t.prisma.plan.findFirstOrThrow();
    const answer = await summaries.POST(
      at("/api/plans/x/summaries", {
        method: "POST",
        headers: { accept: "application/json", "content-type": "application/json" },
        body: JSON.stringify({ month: 3, format: "csv", campaignIds: ["ok", "bad\u0000"] }),
      }),
      params({ planId: plan.id }),
    );
    expect(answer.status).toBe(400);
  });

  it("answers the no-script summary form with a redirect that is a path on this host", async () => {
    session.user = await sessionUser("staff");
    const plan = await t.prisma.plan.findFirstOrThrow();
    const answer = await summaries.POST(
      at("/api/plans/x/summaries", { method: "POST", body: new URLSearchParams({ month: "3", format: "csv" }) }),
      params({ planId: plan.id }),
    );
    expect(answer.status).toBe(303);
    expect(answer.headers.get("location")).toMatch(/^\/api\/summaries\/[\w-]+$/);
    const refused = await summaries.POST(
      at("/api/plans/x/summaries", { method: "POST", body: new URLSearchParams({ month: "13", format: "csv" }) }),
      params({ planId: plan.id }),
    );
    expect(refused.status).toBe(303);
    expect(refused.headers.get("location")).toBe(`/plans/${plan.id}/export?error=invalid`);
  });
});

function form() {
  const f = new FormData();
  f.append("file", new File([new Uint8Array(Buffer.from("%PDF-1.4\n"))], "a.pdf", { type: "application/pdf" }));
  return f;
}
