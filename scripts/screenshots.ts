// Screenshots of the main pages at desktop and phone width, for looking at what we built:
//   BASE_URL=http://localhost:3000 USERNAME=leader PASSWORD=… [UI=en] npx tsx scripts/screenshots.ts [out-dir] [path …]
import { chromium } from "@playwright/test";

const base = process.env.BASE_URL ?? "http://localhost:3000";
const out = process.argv[2] ?? "test-results/screenshots";
const paths = process.argv.slice(3);

async function main() {
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
  });
  for (const [name, viewport] of [
    ["desktop", { width: 1366, height: 900 }],
    ["phone", { width: 390, height: 844 }],
  ] as const) {
    const context = await browser.newContext({ viewport, locale: process.env.LOCALE ?? "zh-CN" });
    const page = await context.newPage();
    await page.goto(`${base}/login`);
    await page.screenshot({ path: `${out}/${name}-login.png`, fullPage: true });
    await page.getByLabel(/用户名|Username/).fill(process.env.USERNAME ?? "leader");
    await page.getByLabel(/密码|Password/).fill(process.env.PASSWORD ?? "");
    await page.getByRole("button", { name: /登录|Sign in/ }).click();
    await page.waitForURL((u) => !u.pathname.startsWith("/login"));
    // UI=en: the interface language is a cookie set by the switch, not the browser's locale.
    if (process.env.UI === "en") {
      await page.getByRole("button", { name: "English" }).click();
      await page.getByRole("button", { name: "Sign out" }).waitFor();
    }
    for (const p of paths.length ? paths : ["/"]) {
      // "@text" follows the link with that text from the current page instead of opening a path.
      if (p.startsWith("@")) {
        const before = page.url();
        await page.getByRole("link", { name: p.slice(1) }).first().click();
        await page.waitForURL((u) => u.href !== before);
      }
      else await page.goto(`${base}${p}`);
      await page.waitForLoadState("networkidle");
      const slug = new URL(page.url()).pathname.split("/").filter(Boolean).map((s) => s.slice(0, 12)).join("_");
      const file = `${out}/${name}-${slug || "home"}.png`;
      await page.screenshot({ path: file, fullPage: true });
      console.log(file);
    }
    await context.close();
  }
  await browser.close();
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
