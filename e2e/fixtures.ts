// Shared test helpers: sign in through the form, make a fresh user through the test API,
// collect a page's form exactly as the browser would post it (to replay it as someone else).
import { expect, test as base, type APIRequestContext, type Page } from "@playwright/test";
import AxeBuilder from "@axe-core/playwright";

export interface Project {
  token: string;
  password: string;
}

export const test = base.extend<{ project: Project }>({
  project: async ({}, use, testInfo) => {
    await use(testInfo.project.metadata as Project);
  },
});
export { expect };

let counter = 0;
export function uniqueName(prefix: string): string {
  return `${prefix}_${Date.now().toString(36)}${(counter++).toString(36)}${Math.random().toString(36).slice(2, 6)}`;
}

export async function signIn(page: Page, username: string, password: string) {
  await page.goto("/login");
  await page.getByLabel("用户名").fill(username);
  await page.getByLabel("密码").fill(password);
  await page.getByRole("button", { name: "登录" }).click();
  await page.waitForURL((u) => !u.pathname.startsWith("/login") && u.pathname !== "/");
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
}

export async function createUser(
  request: APIRequestContext,
  project: Project,
  role: "ADMIN" | "LEADER" | "LEAD" | "STAFF" | "VIEWER",
  leadCampaignNumbers: number[] = [],
  /** principal: a 主要领导, who reviews every campaign of the town (a plain leader reviews none of the demo's). */
  options: { principal?: boolean } = {},
) {
  const username = uniqueName(role.toLowerCase());
  const password = `pw-${username}`;
  const res = await request.post("/api/test/users", {
    headers: { "x-e2e-token": project.token },
    data: { username, password, role, leadCampaignNumbers, principal: options.principal ?? false },
  });
  expect(res.status(), await res.text()).toBe(201);
  return { username, password };
}

const decode = (s: string) =>
  s.replace(/&quot;/g, '"').replace(/&#x27;|&#39;/g, "'").replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&amp;/g, "&");

/**
 * The fields of a form as the server rendered it, i.e. what a browser without JavaScript posts,
 * including React's hidden action fields (React drops those from the DOM when it hydrates).
 * `marker` picks the form (a string its HTML contains); `overrides` sets the visible fields.
 */
export async function serverFormFields(
  request: APIRequestContext,
  path: string,
  marker: string,
  overrides: Record<string, string> = {},
): Promise<[string, string][]> {
  const html = await (await request.get(path)).text();
  const form = [...html.matchAll(/<form[\s\S]*?<\/form>/g)].map((m) => m[0]).find((f) => f.includes(marker));
  expect(form, `a form containing ${marker} on ${path}`).toBeTruthy();
  const fields: [string, string][] = [];
  for (const m of (form ?? "").matchAll(/<input([^>]*)>/g)) {
    const attrs = m[1] ?? "";
    const name = attrs.match(/name="([^"]*)"/)?.[1];
    if (!name) continue;
    fields.push([decode(name), decode(attrs.match(/value="([^"]*)"/)?.[1] ?? "")]);
  }
  for (const [k, v] of Object.entries(overrides)) {
    const i = fields.findIndex(([name]) => name === k);
    if (i >= 0) fields[i] = [k, v];
    else fields.push([k, v]);
  }
  return fields;
}

/** Posts form fields to a page the way a no-JavaScript form submission would (a direct POST to the action). */
export async function postForm(request: APIRequestContext, baseURL: string, path: string, fields: [string, string][], headers: Record<string, string> = {}) {
  const multipart: Record<string, string> = {};
  for (const [k, v] of fields) multipart[k] = v;
  return request.post(path, { multipart, headers: { origin: baseURL, ...headers }, maxRedirects: 0 });
}

export async function expectNoSeriousA11yViolations(page: Page) {
  const results = await new AxeBuilder({ page }).analyze();
  const serious = results.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  expect(serious.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).join(", ")})`)).toEqual([]);
}

export const PHONE = { width: 390, height: 844 };

/** 提交审核 asks first, in a dialog: confirm it. */
export async function submitForReview(page: Page) {
  await page.getByRole("button", { name: "提交审核" }).click();
  const dialog = page.getByRole("dialog");
  await expect(dialog).toBeVisible();
  await dialog.getByRole("button", { name: "确认提交" }).click();
}

/** The demo plan's page (signed-in users land on the board or their desk). */
export async function openPlan(page: Page) {
  await page.goto("/plans");
  await page.getByRole("link", { name: "2018年十大战役" }).click();
  await expect(page.getByTestId("campaign-row")).toHaveCount(10);
}
