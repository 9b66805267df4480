// Two instances behind one address, as in production: one PostgreSQL database and one S3-compatible
// object store, two app servers (playwright.config.ts, project "multi-instance"). A browser signed in
// on one is signed in on the other (same host, same session secret), as behind a load balancer; what
// one instance stores, the other serves.
import { readFile } from "node:fs/promises";
import type { Page } from "@playwright/test";
import ExcelJS from "exceljs";
import { createCampaigns, createUser, expect, openPlan, signIn, test, type Project } from "./fixtures";

type Instances = Project & { otherBaseURL: string; metricsToken: string };

const PNG = Buffer.from("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==", "base64");
const XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

async function campaignPath(page: Page, name: string): Promise<string> {
  await openPlan(page);
  await page.getByRole("link", { name }).click();
  await page.waitForURL(/\/campaigns\/[^/]+$/);
  return new URL(page.url()).pathname;
}

/** One instance's metrics, read with the bearer token. */
async function metricsOf(page: Page, base: string, token: string): Promise<string> {
  const res = await page.request.get(`${base}/api/metrics`, { headers: { authorization: `Bearer ${token}` } });
  expect(res.status()).toBe(200);
  return res.text();
}

/** The value of one sample line (0 when the series does not exist yet). */
function sample(text: string, series: string): number {
  const line = text.split("\n").find((l) => l.startsWith(`${series} `));
  return line ? Number(line.slice(series.length + 1)) : 0;
}

test.describe("two instances sharing the database and the object store", () => {
  test("evidence uploaded through one instance is downloaded, checked, through the other; so is an archived 月报", async ({ page, project }) => {
    test.setTimeout(120_000);
    const { otherBaseURL: other, metricsToken } = project as Instances;
    const servedBefore = sample(await metricsOf(page, other, metricsToken), 'duban_files_served_total{kind="evidence",backend="s3",result="ok"}');

    const lead = await createUser(page.request, project, "LEAD", [2]);
    await signIn(page, lead.username, lead.password);
    const campaign = await campaignPath(page, "改革深化战");

    // On the first instance: April's draft, with a photo as evidence.
    await page.goto(`${campaign}/reports/4`);
    await page.getByLabel("工作进展").fill("完成四月改革事项梳理");
    await expect(page.getByText(/草稿已自动保存/)).toBeVisible({ timeout: 15_000 });
    await page.getByLabel("添加佐证材料").setInputFiles({ name: "四月改革台账.png", mimeType: "image/png", buffer: PNG });
    const link = page.getByRole("link", { name: "四月改革台账.png" });
    await expect(link).toBeVisible({ timeout: 15_000 });
    const href = (await link.getAttribute("href")) ?? "";
    expect(href).toMatch(/^\/api\/attachments\/[^/]+$/);

    // On the second instance: the same report lists it, and the file comes back byte for byte.
    await page.goto(`${other}${campaign}/reports/4`);
    await expect(page.getByLabel("工作进展")).toHaveValue("完成四月改革事项梳理");
    await expect(page.getByRole("link", { name: "四月改革台账.png" })).toHaveAttribute("href", href);
    const download = await page.request.get(`${other}${href}`);
    expect(download.status()).toBe(200);
    expect(download.headers()["content-type"]).toBe("image/png");
    expect(Buffer.from(await download.body()).equals(PNG)).toBe(true);
    // The second instance counted it as served from the object store, checked.
    expect(sample(await metricsOf(page, other, metricsToken), 'duban_files_served_total{kind="evidence",backend="s3",result="ok"}')).toBeGreaterThan(
      servedBefore,
    );

    // An archived 月报 made on the first instance downloads, the same bytes, from the second.
    const staff = await createUser(page.request, project, "STAFF");
    await page.context().clearCookies();
    await signIn(page, staff.username, staff.password);
    await openPlan(page);
    await page.getByRole("link", { name: "导出月报" }).click();
    await page.getByRole("radio", { name: /CSV 指标表/ }).check();
    const downloading = page.waitForEvent("download");
    await page.getByRole("button", { name: "生成并下载" }).click();
    const generated = await readFile(await (await downloading).path());
    // This staff member's own archive row: other specs archive March's 月报 of the same plan meanwhile.
    const archived = page
      .getByRole("row")
      .filter({ hasText: `测试用户 ${staff.username}` })
      .getByRole("link", { name: "2018年3月十大战役工作月报.csv" })
      .first();
    await expect(archived).toBeVisible();
    const summaryHref = (await archived.getAttribute("href")) ?? "";
    expect(summaryHref).toMatch(/^\/api\/summaries\/[^/]+$/);
    const again = await page.request.get(`${other}${summaryHref}`);
    expect(again.status()).toBe(200);
    expect(Buffer.from(await again.body()).equals(generated)).toBe(true);
  });

  test("an Excel import checked on one instance is confirmed on the other", async ({ page, project, baseURL }) => {
    test.setTimeout(120_000);
    const { otherBaseURL: other } = project as Instances;
    const staff = await createUser(page.request, project, "STAFF");
    await signIn(page, staff.username, staff.password);

    // The demo plan as exported, under a new title: a plan the import will create (as a draft).
    await openPlan(page);
    const exporting = page.waitForEvent("download");
    await page.getByRole("link", { name: "导出计划（Excel）" }).click();
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(new Uint8Array(await readFile(await (await exporting).path())).buffer);
    const title = `双实例导入测试（${Date.now().toString(36)}）`;
    let renamed = 0;
    workbook.getWorksheet("计划")?.eachRow((row) =>
      row.eachCell((cell) => {
        if (cell.value === "2018年十大战役") {
          cell.value = title;
          renamed++;
        }
      }),
    );
    expect(renamed).toBe(1);
    const file = Buffer.from(await workbook.xlsx.writeBuffer());

    // Uploaded and dry-run on the first instance.
    await page.goto("/plans/import");
    await page.getByLabel("计划文件").setInputFiles({ name: "双实例.xlsx", mimeType: XLSX, buffer: file });
    await page.getByRole("button", { name: "上传并检查" }).click();
    await page.waitForURL((u) => u.searchParams.has("file"));
    await expect(page.getByTestId("import-plan")).toHaveText(`将新建计划“${title}”（2018年），新建的计划为草稿。`);
    const checked = new URL(page.url());
    expect(checked.port).toBe(new URL(baseURL ?? "").port);
    const rows = (await page.getByTestId("import-summary").textContent()) ?? "";
    expect(rows).toMatch(/^新增 \d+ 行 · 更新 0 行 · 不变 0 行 · 错误 0 行$/);

    // The same dry run opened on the second instance finds the stored upload (not "已失效"), and confirms it.
    await page.goto(`${other}${checked.pathname}${checked.search}`);
    await expect(page.getByTestId("import-summary")).toHaveText(rows);
    await page.getByRole("button", { name: "确认导入" }).click();
    await expect(page.getByTestId("import-result")).toContainText(`导入完成：新增 ${/新增 (\d+) 行/.exec(rows)?.[1]} 行，更新 0 行。`);
    await expect(page.getByText("上传的文件已失效")).toHaveCount(0);

    // And the first instance has the plan.
    await page.goto(`${baseURL}/plans`);
    await expect(page.getByRole("link", { name: title })).toHaveCount(1);
  });

  test("each instance: liveness, readiness with the shared store, a request id on every answer, metrics behind the token", async ({
    page,
    project,
    baseURL,
  }) => {
    const { otherBaseURL: other, metricsToken } = project as Instances;
    const ids = new Set<string>();
    for (const base of [baseURL ?? "", other]) {
      const live = await page.request.get(`${base}/api/health/live`);
      expect(await live.json()).toEqual({ status: "ok" });
      for (const path of ["/api/health/ready", "/api/health"]) {
        const ready = await page.request.get(`${base}${path}`);
        expect(ready.status()).toBe(200);
        expect(await ready.json()).toEqual({ status: "ok", checks: { database: "ok", storage: "ok", migrations: "ok" } });
        ids.add(ready.headers()["x-request-id"] ?? "");
      }
      // A request id the proxy sent is kept, one that does not look like one is replaced.
      const traced = await page.request.get(`${base}/api/health/live`, { headers: { "x-request-id": "nginx-0123456789abcdef" } });
      expect(traced.headers()["x-request-id"]).toBe("nginx-0123456789abcdef");
      const forged = await page.request.get(`${base}/api/health/live`, { headers: { "x-request-id": "<script>" } });
      expect(forged.headers()["x-request-id"]).toMatch(/^[0-9a-f-]{36}$/);

      expect((await page.request.get(`${base}/api/metrics`)).status()).toBe(401);
      expect((await page.request.get(`${base}/api/metrics`, { headers: { authorization: "Bearer wrong-token-wrong-token" } })).status()).toBe(401);
      const metrics = await metricsOf(page, base, metricsToken);
      expect(metrics).toContain('duban_http_request_duration_seconds_count{route="/api/health/ready",method="GET",status="200"}');
      expect(metrics).toMatch(/^duban_db_pool_connections\{state="total"\} [1-9]/m);
      expect(metrics).toContain("duban_process_resident_memory_bytes");
    }
    expect(ids.size).toBe(4);
    expect([...ids].every((id) => /^[0-9a-f-]{36}$/.test(id))).toBe(true);
  });

  test("a scheduled reminder goes out once although both instances run the scheduler at the same instant", async ({ page, project, request }) => {
    const { otherBaseURL: other } = project as Instances;
    const made = await createCampaigns(request, project, [{ name: "双实例催办战役" }]);
    const campaign = made.campaigns[0]!;
    const official = await createUser(request, project, "LEADER");
    const lead = await createUser(request, project, "LEAD", [campaign]);
    const headers = { "x-e2e-token": project.token };
    const setup = await request.post("/api/test/notify", {
      headers,
      data: {
        action: "setup",
        planId: made.planId,
        campaignId: campaign.id,
        officialUsername: official.username,
        reportDueDay: 5,
        remindDaysBefore: 0,
        escalateAfterDays: 1,
        escalatePrincipalAfterDays: null,
      },
    });
    expect(setup.status(), await setup.text()).toBe(200);
    // 5 April, the due day: each instance runs its scheduler for the plan at the same instant.
    const run = async (base: string) => {
      const res = await request.post(`${base}/api/test/notify`, { headers, data: { action: "run", planId: made.planId, at: "2018-04-05T09:00:00+08:00" } });
      expect(res.status(), await res.text()).toBe(200);
      return ((await res.json()) as { scheduled: { reminders: number } }).scheduled.reminders;
    };
    const first = await Promise.all([run(""), run(other)]);
    expect(first[0] + first[1]).toBe(1);
    // Again, on both: that step of that day is done.
    expect(await Promise.all([run(""), run(other)])).toEqual([0, 0]);
    // The lead has the one reminder in their inbox.
    await signIn(page, lead.username, lead.password, "/inbox");
    await expect(page.getByTestId("inbox-item").filter({ hasText: "双实例催办战役" })).toHaveCount(1);
  });
});
