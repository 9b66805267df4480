import { createCampaign, createCampaigns, createUser, expect, openPlan, postForm, requestAs, serverFormFields, signIn, test } from "./fixtures";

test.describe("what each role may see and do", () => {
  for (const role of ["LEADER", "STAFF", "VIEWER", "LEAD"] as const) {
    test(`${role} sees the plan but not the admin pages`, async ({ page, project }) => {
      const leads = role === "LEAD" ? [await createCampaign(page.request, project, "角色战役", 1)] : [];
      const { username, password } = await createUser(page.request, project, role, leads);
      await signIn(page, username, password);
      // Leads land on their desk, leaders on their inbox, everyone else on the board; the plan is one link away.
      await expect(page.getByRole("heading", { level: 1 })).toContainText(role === "LEAD" ? "我的工作台" : role === "LEADER" ? "消息" : "督查看板");
      await openPlan(page);
      await expect(page.getByRole("link", { name: "用户管理" })).toHaveCount(0);
      const res = await page.goto("/admin/users");
      expect(res?.status()).toBe(403);
      await expect(page.getByRole("heading", { name: "无权访问" })).toBeVisible();
    });
  }

  test("an admin sees the users page", async ({ page, project }) => {
    const { username, password } = await createUser(page.request, project, "ADMIN");
    await signIn(page, username, password);
    await page.getByRole("link", { name: "用户管理" }).click();
    await expect(page.getByRole("heading", { name: "用户管理" })).toBeVisible();
    await expect(page.getByTestId("user-row").filter({ hasText: "lead6" })).toBeVisible();
  });

  test("a lead updates only their own campaign's tasks, by URL too", async ({ browser, project }) => {
    const ownContext = await browser.newContext();
    const own = await ownContext.newPage();
    const made = await createCampaigns(own.request, project, [
      { name: "本人战役", tasks: [{ title: "本人任务" }] },
      { name: "他人战役", tasks: [{ title: "他人任务" }] },
    ]);
    const [mine, theirs] = made.campaigns;
    if (!mine || !theirs) throw new Error("campaigns not made");
    const lead = await createUser(own.request, project, "LEAD", [mine]);
    await signIn(own, lead.username, lead.password);
    await own.getByRole("link", { name: mine.name }).first().click();
    await own.getByRole("link", { name: "更新进度" }).first().click();
    await expect(own).toHaveURL(/\/tasks\//);
    const taskUrl = new URL(own.url()).pathname;

    const otherContext = await browser.newContext();
    const other = await otherContext.newPage();
    const otherLead = await createUser(other.request, project, "LEAD", [theirs]);
    await signIn(other, otherLead.username, otherLead.password);
    const res = await other.goto(taskUrl);
    expect(res?.status()).toBe(404);
    await other.goto(taskUrl.replace(/\/tasks\/.*/, ""));
    await expect(other.getByRole("heading", { level: 1 })).toContainText(mine.name);
    await expect(other.getByRole("link", { name: "更新进度" })).toHaveCount(0);
    await ownContext.close();
    await otherContext.close();
  });

  test("direct POSTs of the task action by others change nothing", async ({ browser, project, baseURL }) => {
    const ownContext = await browser.newContext();
    const own = await ownContext.newPage();
    const campaign = await createCampaign(own.request, project, "直接提交战役");
    const lead = await createUser(own.request, project, "LEAD", [campaign]);
    await signIn(own, lead.username, lead.password);
    await own.getByRole("link", { name: campaign.name }).first().click();
    await own.getByRole("link", { name: "更新进度" }).last().click();
    await own.waitForURL(/\/tasks\//);
    await expect(own.getByLabel("完成百分比（%）")).toBeVisible();
    const taskPath = new URL(own.url()).pathname;
    const before = await own.getByLabel("完成百分比（%）").inputValue();
    const fields = await serverFormFields(own.request, taskPath, 'name="percentDone"', { percentDone: "77", status: "IN_PROGRESS", note: "" });
    expect(fields.some(([k]) => k.startsWith("$ACTION"))).toBe(true);

    // Anonymous (no cookie, and a forged one), a viewer, staff, and another campaign's lead.
    const attempts: { name: string; cookie?: string; role?: "VIEWER" | "STAFF" | "LEAD" }[] = [
      { name: "anonymous" },
      { name: "forged cookie", cookie: "next-auth.session-token=forged" },
      { name: "viewer", role: "VIEWER" },
      { name: "staff", role: "STAFF" },
      { name: "other lead", role: "LEAD" },
    ];
    for (const attempt of attempts) {
      const leads = attempt.role === "LEAD" ? [await createCampaign(own.request, project, "他人战役", 1)] : [];
      const context = attempt.role ? await requestAs(browser, project, attempt.role, leads) : await browser.newContext();
      const headers: Record<string, string> = attempt.cookie ? { cookie: attempt.cookie } : {};
      const res = await postForm(context.request, baseURL ?? "", taskPath, fields, headers);
      expect([200, 303, 307, 404], `${attempt.name}: ${res.status()}`).toContain(res.status());
      await context.close();
    }
    await own.reload();
    await expect(own.getByLabel("完成百分比（%）"), "nobody else's POST landed").toHaveValue(before);

    // The owner's own direct POST of the same fields does land: the replay itself is valid.
    const res = await postForm(own.request, baseURL ?? "", taskPath, fields);
    expect(res.status()).toBeLessThan(400);
    await own.reload();
    await expect(own.getByLabel("完成百分比（%）")).toHaveValue("77");
    await ownContext.close();
  });

  test("direct POSTs of the admin action by non-admins change nothing", async ({ browser, project, baseURL }) => {
    const adminContext = await browser.newContext();
    const admin = await adminContext.newPage();
    const adminUser = await createUser(admin.request, project, "ADMIN");
    const target = await createUser(admin.request, project, "VIEWER");
    await signIn(admin, adminUser.username, adminUser.password, `/admin/users?q=${target.username}`);
    const targetId = await admin.getByTestId("user-row").filter({ hasText: target.username }).locator('input[name="userId"]').inputValue();
    const fields = await serverFormFields(admin.request, "/admin/users", `value="${targetId}"`);
    expect(fields.some(([k]) => k.startsWith("$ACTION"))).toBe(true);
    expect(fields).toContainEqual(["disabled", "true"]);

    for (const role of ["LEAD", "LEADER", "STAFF", "VIEWER"] as const) {
      const leads = role === "LEAD" ? [await createCampaign(admin.request, project, "他人战役", 1)] : [];
      const context = await requestAs(browser, project, role, leads);
      const res = await postForm(context.request, baseURL ?? "", "/admin/users", fields);
      expect([200, 303, 307, 403, 404], `${role}: ${res.status()}`).toContain(res.status());
      await context.close();
    }
    await admin.reload();
    await expect(admin.getByRole("button", { name: `停用 ${target.username}` }), "the target is still enabled").toBeVisible();
    // The target can still sign in.
    const context = await browser.newContext();
    const page = await context.newPage();
    await signIn(page, target.username, target.password);
    await openPlan(page);
    await context.close();
    await adminContext.close();
  });
});
