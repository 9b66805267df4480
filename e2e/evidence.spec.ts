import { createCampaign, createUser, expect, expectNoSeriousA11yViolations, signIn, test } from "./fixtures";

// Deleting evidence asks first, in the app's one dialog (ConfirmDialog): keeping the file closes it
// and changes nothing; confirming deletes the file. The test makes its own campaign and lead.

const PNG = Buffer.from("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==", "base64");

test("a lead deletes a piece of evidence only after confirming it in a dialog", async ({ page, project }) => {
  const campaign = await createCampaign(page.request, project, `佐证删除${Date.now().toString(36)}`, 1);
  const lead = await createUser(page.request, project, "LEAD", [campaign]);
  await signIn(page, lead.username, lead.password, `/campaigns/${campaign.id}/reports/3`);

  // The draft exists once something is typed; evidence attaches to it.
  await page.getByLabel("工作进展").fill("三月完成走访");
  await expect(page.getByText(/草稿已.*保存/)).toBeVisible({ timeout: 15_000 });
  await page.getByLabel("添加佐证材料").setInputFiles({ name: "走访照片.png", mimeType: "image/png", buffer: PNG });
  const file = page.getByRole("link", { name: "走访照片.png" });
  await expect(file).toBeVisible({ timeout: 15_000 });

  // Asked first; keeping it changes nothing.
  await page.getByRole("button", { name: "删除 走访照片.png" }).click();
  const dialog = page.getByRole("dialog", { name: "删除佐证材料" });
  await expect(dialog).toBeVisible();
  await expect(dialog).toContainText("确定删除佐证材料“走访照片.png”吗？");
  await expectNoSeriousA11yViolations(page);
  await dialog.getByRole("button", { name: "保留" }).click();
  await expect(dialog).toBeHidden();
  await page.reload();
  await expect(file).toBeVisible();

  // Esc leaves it too.
  await page.getByRole("button", { name: "删除 走访照片.png" }).click();
  await expect(dialog).toBeVisible();
  await page.keyboard.press("Escape");
  await expect(dialog).toBeHidden();
  await expect(file).toBeVisible();

  // Confirmed: gone, and still gone after a reload.
  await page.getByRole("button", { name: "删除 走访照片.png" }).click();
  await dialog.getByRole("button", { name: "删除", exact: true }).click();
  await expect(file).toBeHidden({ timeout: 15_000 });
  await page.reload();
  await expect(page.getByTestId("evidence")).toContainText("暂未上传佐证材料。");
});
