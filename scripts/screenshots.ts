// Screenshots of leadership's pages at desktop (1440×900) and phone (390×844) width, into
// docs/screenshots/ (or the folder given), from a running server with the demo plan:
//   npm run demo   (in another terminal; or BASE_URL=… for another server)
//   DUBAN_DEMO_PASSWORD=… npm run screenshots [-- out-dir]
// The pages: the board, the meeting view, a campaign page (the board's first red campaign) as the
// demo's leader, and the county overview as the county user. The password is the demo's (printed on
// first start, kept in data/demo-login.txt).
import fs from "node:fs";
import { chromium, type Page } from "@playwright/test";

const base = process.env.BASE_URL ?? "http://localhost:3000";
const out = process.argv[2] ?? "docs/screenshots";

function demoPassword(): string {
  if (process.env.DUBAN_DEMO_PASSWORD) return process.env.DUBAN_DEMO_PASSWORD;
  const file = `${process.env.DUBAN_DATA_DIR ?? "data"}/demo-login.txt`;
  const found = fs.existsSync(file) ? /password[^:：]*[:：]\s*(\S+)/i.exec(fs.readFileSync(file, "utf8")) : null;
  if (!found?.[1]) throw new Error("Set DUBAN_DEMO_PASSWORD (the demo's password, printed when the demo first started).");
  return found[1];
}

async function signIn(page: Page, username: string, password: string) {
  await page.goto(`${base}/login`);
  await page.getByLabel(/用户名|Username/).fill(username);
  await page.getByLabel(/密码|Password/).fill(password);
  await page.getByRole("button", { name: /登录|Sign in/ }).click();
  await page.waitForURL((u) => !u.pathname.startsWith("/login") && u.pathname !== "/");
}

async function shoot(page: Page, path: string, file: string) {
  await page.goto(`${base}${path}`);
  await page.waitForLoadState("networkidle");
  await page.screenshot({ path: `${out}/${file}.png`, fullPage: true });
  console.log(`${out}/${file}.png`);
}

async function main() {
  const password = demoPassword();
  fs.mkdirSync(out, { recursive: true });
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
  });
  for (const [width, viewport] of [
    ["desktop", { width: 1440, height: 900 }],
    ["phone", { width: 390, height: 844 }],
  ] as const) {
    const leader = await browser.newContext({ viewport, locale: "zh-CN" });
    const page = await leader.newPage();
    await signIn(page, "leader", password);
    await page.goto(`${base}/board`);
    await page.waitForURL(/\/plans\/[^/]+\/board/);
    const board = new URL(page.url()).pathname;
    const campaign = await page.locator('[data-testid="board-row"]:has([data-light="RED"]) a[href^="/campaigns/"]').first().getAttribute("href");
    await shoot(page, board, `${width}-board`);
    await shoot(page, board.replace(/\/board$/, "/meeting"), `${width}-meeting`);
    if (campaign) await shoot(page, campaign.split("?")[0] ?? campaign, `${width}-campaign`);
    await leader.close();
    const county = await browser.newContext({ viewport, locale: "zh-CN" });
    const countyPage = await county.newPage();
    await signIn(countyPage, "county", password);
    await shoot(countyPage, "/county", `${width}-county`);
    await county.close();
  }
  await browser.close();
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
