// Shared test helpers: sign in (through the form, or its request alone), make a fresh user and campaigns of the test's own
// through the test API, collect a page's form exactly as the browser would post it (to replay it
// as someone else).
import { expect, test as base, type APIRequestContext, type Browser, type Page } from "@playwright/test";
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

/** Signs in through the login form, as a person does: for the tests of signing in itself. */
export async function signInWithForm(page: Page, username: string, password: string) {
  await page.goto("/login");
  await page.getByLabel("用户名").fill(username);
  await page.getByLabel("密码").fill(password);
  await page.getByRole("button", { name: "登录" }).click();
  await landed(page);
}

/**
 * Signs in with the same credentials request the form sends (next-auth's CSRF token, then the
 * credentials callback: the password check, the sign-in limits and the session record all run), on
 * the page's own cookie jar, then opens the home page as the form's redirect would and checks where
 * the person landed; given `to`, it opens that page instead (a test that starts elsewhere). Skips
 * rendering the login page, which the sign-in tests (auth, security, smoke) cover through signInWithForm.
 */
export async function signIn(page: Page, username: string, password: string, to?: string) {
  await signInRequest(page.request, username, password);
  if (to) {
    await page.goto(to);
    return;
  }
  await page.goto("/");
  await landed(page);
}

/**
 * Signs a request context in (a page's, or a browser context's that has no page), with the
 * form's own credentials request: for someone who only sends direct POSTs and needs no page.
 */
export async function signInRequest(request: APIRequestContext, username: string, password: string) {
  const { csrfToken } = (await (await request.get("/api/auth/csrf")).json()) as { csrfToken: string };
  const res = await request.post("/api/auth/callback/credentials", { form: { csrfToken, username, password, json: "true" } });
  expect(res.ok(), await res.text()).toBe(true);
  const { cookies } = await request.storageState();
  expect(
    cookies.some((c) => c.name.endsWith("next-auth.session-token")),
    `a session for ${username}`,
  ).toBe(true);
}

/** Signed in: on a page of the app (not the login page, not the bare root) with its heading shown. */
async function landed(page: Page) {
  await page.waitForURL((u) => !u.pathname.startsWith("/login") && u.pathname !== "/");
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
}

/**
 * A fresh user of the role (createUser), signed in on a browser context of their own, as the
 * specs' people are: `name` is how the app names them. `viewport` for a phone or a wide screen.
 */
export async function signedInAs(
  browser: Browser,
  project: Project,
  role: "ADMIN" | "LEADER" | "LEAD" | "STAFF" | "VIEWER",
  leads: number[] | TestCampaign[] = [],
  options: { principal?: boolean; viewport?: { width: number; height: number } } = {},
) {
  const context = await browser.newContext(options.viewport ? { viewport: options.viewport } : {});
  const page = await context.newPage();
  const user = await createUser(page.request, project, role, leads, { principal: options.principal ?? false });
  await signIn(page, user.username, user.password);
  return { context, page, user, name: `测试用户 ${user.username}` };
}

/** A fresh user of the role signed in on a browser context with no page: someone who only sends direct POSTs. */
export async function requestAs(
  browser: Browser,
  project: Project,
  role: "ADMIN" | "LEADER" | "LEAD" | "STAFF" | "VIEWER",
  leads: number[] | TestCampaign[] = [],
) {
  const context = await browser.newContext();
  const user = await createUser(context.request, project, role, leads);
  await signInRequest(context.request, user.username, user.password);
  return context;
}

/** A campaign a test made for itself (createCampaigns), with its indicators and tasks in order. */
export interface TestCampaign {
  id: string;
  number: number;
  name: string;
  indicators: { id: string; name: string }[];
  tasks: { id: string; title: string }[];
}

/**
 * A fresh user with a role, signed in by nobody yet. A lead leads `leads`: campaigns the test made
 * (createCampaigns), or, by number, campaigns of the demo plan (specs not yet converted).
 */
export async function createUser(
  request: APIRequestContext,
  project: Project,
  role: "ADMIN" | "LEADER" | "LEAD" | "STAFF" | "VIEWER",
  leads: number[] | TestCampaign[] = [],
  /** principal: a 主要领导, who reviews every campaign of the town (a plain leader reviews none of the demo's). */
  options: { principal?: boolean } = {},
) {
  const username = uniqueName(role.toLowerCase());
  // Not made from the username: the password rules refuse that as too easy to guess.
  const password = `Pw-${Math.random().toString(36).slice(2, 10)}-${Date.now().toString(36)}`;
  const campaignIds = leads.flatMap((l) => (typeof l === "number" ? [] : [l.id]));
  const leadCampaignNumbers = leads.flatMap((l) => (typeof l === "number" ? [l] : []));
  const res = await request.post("/api/test/users", {
    headers: { "x-e2e-token": project.token },
    data: { username, password, role, campaignIds, leadCampaignNumbers, principal: options.principal ?? false },
  });
  expect(res.status(), await res.text()).toBe(201);
  return { username, password };
}

export interface CampaignSpec {
  name: string;
  /** The 分管领导: the username of a LEADER the test made (createUser). */
  leadingOfficial?: string;
  indicators?: { name: string; unit: string; decimals?: number; baseline?: string; target: string; direction?: "HIGHER_BETTER" | "LOWER_BETTER" }[];
  tasks?: { title: string; startDate?: string; dueDate?: string; weight?: string }[];
}

/**
 * Campaigns of the test's own, in a new ACTIVE 2018 plan of the demo town (/api/test/campaigns),
 * named uniquely (the given name plus a suffix), so no other test writes to them.
 */
export async function createCampaigns(
  request: APIRequestContext,
  project: Project,
  campaigns: CampaignSpec[],
): Promise<{ planId: string; title: string; campaigns: TestCampaign[] }> {
  const res = await request.post("/api/test/campaigns", {
    headers: { "x-e2e-token": project.token },
    data: { campaigns: campaigns.map((c) => ({ ...c, name: uniqueName(c.name) })) },
  });
  expect(res.status(), await res.text()).toBe(201);
  return (await res.json()) as { planId: string; title: string; campaigns: TestCampaign[] };
}

/** One campaign of the test's own with `tasks` tasks (and one indicator), for tests of task progress. */
export async function createCampaign(request: APIRequestContext, project: Project, name: string, tasks = 3): Promise<TestCampaign> {
  const made = await createCampaigns(request, project, [
    {
      name,
      indicators: [{ name: "测试指标", unit: "家", target: "12", baseline: "8" }],
      tasks: Array.from({ length: tasks }, (_, i) => ({ title: `${name}任务${i + 1}`, startDate: "2018-01-01", dueDate: "2018-12-31" })),
    },
  ]);
  const campaign = made.campaigns[0];
  if (!campaign) throw new Error("no campaign made");
  return campaign;
}

const decode = (s: string) =>
  s
    .replace(/&quot;/g, '"')
    .replace(/&#x27;|&#39;/g, "'")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&amp;/g, "&");

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
  // Next streams a page's metadata after its first bytes: the <title> may arrive a moment after the page shows.
  await page.waitForFunction(() => document.title.length > 0);
  // axe.run in the page itself (legacy mode) rather than a partial run per frame finished in a new
  // blank page, which started a renderer and parsed axe again for every scan; the app has no frames.
  // Only violations are asserted, so axe leaves out the detail of passes and inapplicable rules.
  const results = await new AxeBuilder({ page })
    .setLegacyMode()
    .options({ resultTypes: ["violations"] })
    .analyze();
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
