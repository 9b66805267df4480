import { createUser, expect, expectNoSeriousA11yViolations, openPlan, PHONE, signIn, test } from "./fixtures";

for (const [name, viewport] of [
  ["desktop", { width: 1366, height: 900 }],
  ["phone", PHONE],
] as const) {
  test(`no serious accessibility violations on the pages built so far (${name})`, async ({ browser, project }) => {
    // Eleven pages, each scanned by axe: more than the default minute on a busy machine.
    test.setTimeout(150_000);
    const context = await browser.newContext({ viewport });
    const page = await context.newPage();
    await page.goto("/login");
    await expectNoSeriousA11yViolations(page);

    const admin = await createUser(page.request, project, "ADMIN");
    await signIn(page, admin.username, admin.password);
    await expect(page.getByTestId("board-row")).toHaveCount(10);
    await expectNoSeriousA11yViolations(page);
    await openPlan(page);
    await expectNoSeriousA11yViolations(page);

    await page.getByRole("link", { name: "精准招商持久战" }).click();
    await expect(page.getByTestId("indicator-row").first()).toBeVisible();
    await expectNoSeriousA11yViolations(page);

    await page.getByRole("link", { name: "更新进度" }).first().click();
    await expect(page.getByLabel("完成百分比（%）")).toBeVisible();
    await expectNoSeriousA11yViolations(page);

    await page.goto("/admin/users");
    await expect(page.getByTestId("user-row").first()).toBeVisible();
    await expect(page.getByTestId("sign-in-limits")).toBeVisible();
    await expectNoSeriousA11yViolations(page);
    await page
      .getByTestId("user-row")
      .filter({ hasText: admin.username })
      .getByRole("link", { name: `编辑 ${admin.username}` })
      .click();
    await expect(page.getByTestId("user-sessions")).toBeVisible();
    await expectNoSeriousA11yViolations(page);

    await page.goto("/account");
    await expect(page.getByTestId("my-sessions")).toBeVisible();
    await expectNoSeriousA11yViolations(page);

    await page.goto("/plans");
    await expectNoSeriousA11yViolations(page);
    await page.goto("/county");
    await expect(page.getByTestId("county-row").first()).toBeVisible();
    await expectNoSeriousA11yViolations(page);
    await page.goto("/no-such-page");
    await expectNoSeriousA11yViolations(page);
    await context.close();
  });
}
