// Issue #11 replayed in a browser: the sign-in lock-out attack, open redirects, cookie replay after
// signing out, the host the user opened, junk ids, download policies.
import type { APIRequestContext, Browser, Page } from "@playwright/test";
import { createUser, expect, openPlan, postForm, serverFormFields, signInWithForm, test, type Project } from "./fixtures";

/** An address of our own per test run (TEST-NET ranges), so runs and projects never share counts. */
const someAddress = (net: "203.0.113" | "198.51.100") => `${net}.${1 + Math.floor(Math.random() * 250)}`;

interface Attempt {
  status: number;
  error: string | null;
  retryAfter: number;
}

/** A guesser's client: next-auth's own sign-in protocol (CSRF token, credentials callback), from `address`. */
async function guesser(playwright: { request: { newContext: (o: object) => Promise<APIRequestContext> } }, baseURL: string, address: string) {
  const request = await playwright.request.newContext({ baseURL, extraHTTPHeaders: { "x-forwarded-for": address } });
  const { csrfToken } = (await (await request.get("/api/auth/csrf")).json()) as { csrfToken: string };
  return {
    request,
    async attempt(username: string, password: string): Promise<Attempt> {
      const res = await request.post("/api/auth/callback/credentials", { form: { csrfToken, username, password, json: "true" }, maxRedirects: 0 });
      const url = ((await res.json()) as { url: string }).url;
      return { status: res.status(), error: new URL(url).searchParams.get("error"), retryAfter: Number(res.headers()["retry-after"] ?? 0) };
    },
  };
}

/** Lets every wait on these addresses and names run out (the test API), as a patient guesser would. */
async function waitOut(request: APIRequestContext, project: Project, addresses: string[], usernames: string[] = []) {
  const res = await request.post("/api/test/throttle", { headers: { "x-e2e-token": project.token }, data: { addresses, usernames } });
  expect(res.status()).toBe(200);
}

async function fillSignIn(page: Page, username: string, password: string) {
  await page.getByLabel("用户名").fill(username);
  await page.getByLabel("密码").fill(password);
  await page.getByRole("button", { name: "登录" }).click();
}

async function signOut(page: Page) {
  await page.getByRole("button", { name: "退出" }).click();
  await page.waitForURL(/\/login$/);
}

async function newPage(browser: Browser, options: Parameters<Browser["newContext"]>[0] = {}) {
  const context = await browser.newContext(options);
  return { context, page: await context.newPage() };
}

test.describe("sign-in limits that cannot be turned against the account's owner", () => {
  test("the attack from issue #11: 75 guesses from elsewhere, and the owner still signs in at the first try", async ({
    browser,
    page,
    playwright,
    project,
    baseURL,
  }) => {
    test.setTimeout(240_000);
    const owner = await createUser(page.request, project, "VIEWER");
    // The owner has signed in before, in this browser and from this address.
    await signInWithForm(page, owner.username, owner.password);
    await signOut(page);

    // Elsewhere: 30 guesses at the owner's account, then 45 made-up names, waiting out every short
    // wait (a patient guesser; locks are not waited out).
    const address = someAddress("203.0.113");
    const attacker = await guesser(playwright, baseURL ?? "", address);
    const madeUp = (i: number) => `staff${i}x${address.replace(/\./g, "")}`;
    const names = [...Array.from({ length: 30 }, () => owner.username), ...Array.from({ length: 45 }, (_, i) => madeUp(i))];
    const outcomes: Attempt[] = [];
    for (const [i, name] of names.entries()) {
      let outcome = await attacker.attempt(name, `Guess-${i}-2018!`);
      while (outcome.status === 429 && outcome.retryAfter <= 60) {
        await waitOut(page.request, project, [address], [owner.username]);
        outcome = await attacker.attempt(name, `Guess-${i}-2018!`);
      }
      outcomes.push(outcome);
    }
    expect(outcomes.filter((o) => o.status === 200 && !o.error)).toEqual([]);
    expect(outcomes.filter((o) => o.status === 401).every((o) => o.error?.startsWith("CredentialsSignin"))).toBe(true);
    // Locked out: ten guesses at the owner's account from there, fifty passwords in all.
    expect(outcomes.slice(0, 30).filter((o) => o.status === 401)).toHaveLength(10);
    expect(outcomes.filter((o) => o.status === 401)).toHaveLength(50);
    // And for minutes, not seconds, even with the right password.
    const last = await attacker.attempt(owner.username, owner.password);
    expect(last.status).toBe(429);
    expect(last.error).toMatch(/^SignInThrottled:\d+$/);
    expect(last.retryAfter).toBeGreaterThan(600);

    // The owner, in their own browser: straight in, no message, no wait.
    await page.goto("/login");
    await fillSignIn(page, owner.username, owner.password);
    await page.waitForURL((u) => !u.pathname.startsWith("/login"));
    await expect(page.getByTestId("current-user")).toContainText(owner.username);

    // And in a browser they never used, at the address they usually sign in from.
    const fresh = await newPage(browser);
    await signInWithForm(fresh.page, owner.username, owner.password);
    await fresh.context.close();

    // The guesser's own browser is told how long to wait, in minutes, and cannot press the button meanwhile.
    const theirs = await newPage(browser, { extraHTTPHeaders: { "x-forwarded-for": address } });
    await theirs.page.goto("/login");
    await fillSignIn(theirs.page, owner.username, owner.password);
    await expect(theirs.page.locator("#login-error")).toContainText("登录失败次数过多");
    await expect(theirs.page.getByTestId("login-wait")).toHaveText(/^请在\d+分钟后重试。$/);
    await expect(theirs.page.getByRole("button", { name: /请稍候/ })).toBeDisabled();
    await expect(theirs.page).toHaveURL(/\/login/);

    // An admin sees the guesser's address held back, and the owner's account from there; lifting one is audited.
    const admin = await newPage(browser);
    const adminUser = await createUser(admin.page.request, project, "ADMIN");
    await signInWithForm(admin.page, adminUser.username, adminUser.password);
    await admin.page.goto("/admin/users");
    const limits = admin.page.getByTestId("sign-in-limits");
    await expect(limits.getByTestId("restriction-row").filter({ hasText: `地址 ${address}（所有账号）` })).toContainText("锁定至");
    await expect(
      limits
        .getByTestId("restriction-row")
        .filter({ hasText: `账号 ${owner.username}` })
        .filter({ hasText: address }),
    ).toContainText("锁定至");
    // Made-up names belong to no one in the town: not listed.
    await expect(limits.getByText(madeUp(0))).toHaveCount(0);
    await limits.getByRole("button", { name: `解除限制：地址 ${address}（所有账号）` }).click();
    // The list is read again: the address is gone, the account's own lock from there stays.
    await expect(limits.getByTestId("restriction-row").filter({ hasText: `地址 ${address}（所有账号）` })).toHaveCount(0);
    await admin.page.reload();
    await expect(limits.getByTestId("restriction-row").filter({ hasText: `地址 ${address}（所有账号）` })).toHaveCount(0);
    await expect(limits.getByTestId("restriction-row").filter({ hasText: `账号 ${owner.username}` })).toHaveCount(1);
    await admin.page.goto("/admin/audit?q=解除登录限制");
    await expect(admin.page.getByTestId("audit-row").filter({ hasText: address }).first()).toBeVisible();

    await theirs.context.close();
    await admin.context.close();
    await attacker.request.dispose();
  });

  test("a few quick failures from a new browser ask for a short wait, counted down", async ({ browser, page, project }) => {
    const user = await createUser(page.request, project, "VIEWER");
    const address = someAddress("198.51.100");
    const { context, page: stranger } = await newPage(browser, { extraHTTPHeaders: { "x-forwarded-for": address } });
    await stranger.goto("/login");
    for (let i = 0; i < 3; i++) {
      await Promise.all([
        stranger.waitForResponse((r) => r.url().includes("/api/auth/callback/credentials")),
        fillSignIn(stranger, user.username, `wrong-${i}-password`),
      ]);
      await expect(stranger.locator("#login-error")).toContainText("用户名或密码不正确");
    }
    // After the third, the next try waits a second: said once, counted down on the button.
    await expect(stranger.getByTestId("login-wait")).toHaveText(/^请在\d+秒后重试。$/);
    // Once the wait is over, the right password goes through.
    await stranger.getByLabel("密码").fill(user.password);
    await expect(stranger.getByRole("button", { name: "登录" })).toBeEnabled({ timeout: 5_000 });
    await stranger.getByRole("button", { name: "登录" }).click();
    await stranger.waitForURL((u) => !u.pathname.startsWith("/login"));
    await context.close();
  });
});

test.describe("sessions that end", () => {
  test("a copy of the cookie is refused after signing out: pages, server actions and route handlers", async ({ browser, project, baseURL }) => {
    const admin = await newPage(browser);
    const adminUser = await createUser(admin.page.request, project, "ADMIN");
    const target = await createUser(admin.page.request, project, "VIEWER");
    await signInWithForm(admin.page, adminUser.username, adminUser.password);
    await admin.page.goto(`/admin/users?q=${target.username}`);
    const targetId = await admin.page.getByTestId("user-row").filter({ hasText: target.username }).locator('input[name="userId"]').inputValue();
    // The "disable" form as the server rendered it, to replay later; and the cookie as it is now.
    const fields = await serverFormFields(admin.page.request, "/admin/users", `value="${targetId}"`);
    const copied = await admin.context.storageState();
    await signOut(admin.page);

    const replay = await browser.newContext({ storageState: copied });
    const page = await replay.newPage();
    await page.goto("/admin/users");
    await expect(page).toHaveURL(/\/login/);
    const template = await replay.request.get("/api/plans/template");
    expect(template.status()).toBe(401);
    const action = await postForm(replay.request, baseURL ?? "", "/admin/users", fields);
    expect([303, 307, 401, 403]).toContain(action.status());
    if (action.status() >= 300 && action.status() < 400) expect(action.headers().location).toMatch(/^\/login/);
    await replay.close();

    // Nothing happened: the target is still enabled.
    const check = await newPage(browser);
    const checker = await createUser(check.page.request, project, "ADMIN");
    await signInWithForm(check.page, checker.username, checker.password);
    await check.page.goto(`/admin/users?q=${target.username}`);
    await expect(check.page.getByRole("button", { name: `停用 ${target.username}` })).toBeVisible();
    await check.context.close();
    await admin.context.close();
  });

  test("“sign out everywhere” on the account page ends the person's other sessions too", async ({ browser, project }) => {
    const phone = await newPage(browser);
    const user = await createUser(phone.page.request, project, "LEADER");
    await signInWithForm(phone.page, user.username, user.password);
    const desk = await newPage(browser);
    await signInWithForm(desk.page, user.username, user.password);

    await desk.page.getByRole("link", { name: "我的账号" }).click();
    await expect(desk.page.getByRole("heading", { level: 1, name: "我的账号" })).toBeVisible();
    await expect(desk.page.getByTestId("my-sessions").getByTestId("session-row")).toHaveCount(2);
    await expect(desk.page.getByTestId("my-sessions")).toContainText("当前设备");
    await desk.page.getByRole("button", { name: "退出所有设备上的登录" }).click();
    await desk.page.waitForURL(/\/login/);

    await phone.page.goto("/plans");
    await expect(phone.page).toHaveURL(/\/login/);
    // Signing in again works as ever.
    await signInWithForm(desk.page, user.username, user.password);
    await phone.context.close();
    await desk.context.close();
  });

  test("an admin signs a person out everywhere from the person's page", async ({ browser, project }) => {
    const person = await newPage(browser);
    const user = await createUser(person.page.request, project, "STAFF");
    await signInWithForm(person.page, user.username, user.password);

    const admin = await newPage(browser);
    const adminUser = await createUser(admin.page.request, project, "ADMIN");
    await signInWithForm(admin.page, adminUser.username, adminUser.password);
    await admin.page.goto(`/admin/users?q=${user.username}`);
    await admin.page.getByRole("link", { name: `编辑 ${user.username}` }).click();
    await expect(admin.page.getByTestId("user-sessions").getByTestId("session-row")).toHaveCount(1);
    await admin.page.getByRole("button", { name: "退出此人的所有登录" }).click();
    await expect(admin.page.getByText("已退出此人的1个登录。")).toBeVisible();

    await person.page.goto("/plans");
    await expect(person.page).toHaveURL(/\/login/);
    await person.context.close();
    await admin.context.close();
  });
});

test.describe("redirects", () => {
  const VARIANTS = [
    "%2F%09%2Fevil.example",
    "%2F%0A%2Fevil.example",
    "%2F%0D%0A%2Fevil.example",
    "%09%2F%2Fevil.example",
    "%2F%2Fevil.example",
    "%2F%5Cevil.example",
    "%2F.%2F%2Fevil.example",
    "https%3A%2F%2Fevil.example%2Fplans",
  ];

  test("a callbackUrl never leaves the host, with a tab, a newline, slashes or an absolute URL", async ({ browser, page, project, baseURL }) => {
    test.setTimeout(120_000);
    const user = await createUser(page.request, project, "VIEWER");
    const origin = new URL(baseURL ?? "").origin;
    for (const variant of VARIANTS) {
      const { context, page: visitor } = await newPage(browser);
      await visitor.goto(`/login?callbackUrl=${variant}`);
      await fillSignIn(visitor, user.username, user.password);
      await visitor.waitForURL((u) => !u.pathname.startsWith("/login"));
      expect(new URL(visitor.url()).origin, variant).toBe(origin);
      // Signed in, the same link answers a redirect home: not to /\t/evil.example, and not a 500.
      const again = await visitor.request.get(`/login?callbackUrl=${variant}`, { maxRedirects: 0 });
      expect(again.status(), variant).toBe(307);
      expect(again.headers().location, variant).toBe("/");
      await context.close();
    }
    // A same-site callback is still honoured.
    const { context, page: visitor } = await newPage(browser);
    await visitor.goto("/plans");
    await expect(visitor).toHaveURL(/\/login\?callbackUrl=%2Fplans$/);
    await fillSignIn(visitor, user.username, user.password);
    await visitor.waitForURL((u) => u.pathname === "/plans");
    await context.close();
  });

  test("opened at 127.0.0.1 rather than localhost, every redirect stays on 127.0.0.1", async ({ browser, project, baseURL }) => {
    test.setTimeout(90_000);
    const origin = (baseURL ?? "").replace("localhost", "127.0.0.1");
    const { context, page } = await newPage(browser, { baseURL: origin });
    const staff = await createUser(page.request, project, "STAFF");

    // The sign-in redirect of an anonymous visitor, signing in, and the page after.
    await page.goto("/plans");
    expect(page.url()).toBe(`${origin}/login?callbackUrl=%2Fplans`);
    await fillSignIn(page, staff.username, staff.password);
    await page.waitForURL(`${origin}/plans`);

    // The Excel import: a plain form post answered with a redirect to the dry run (the page's CSP,
    // form-action 'self', would block a redirect to localhost and the upload would silently fail).
    await openPlan(page);
    const workbook = await page.request.get(`/api${new URL(page.url()).pathname}/workbook`);
    expect(workbook.status()).toBe(200);
    const planPath = new URL(page.url()).pathname;
    await page.goto("/plans/import");
    await page.getByLabel("计划文件").setInputFiles({
      name: "2018年十大战役.xlsx",
      mimeType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
      buffer: await workbook.body(),
    });
    await page.getByRole("button", { name: "上传并检查" }).click();
    await page.waitForURL((u) => u.searchParams.has("file"));
    expect(new URL(page.url()).origin).toBe(origin);
    await expect(page.getByTestId("import-summary")).toBeVisible();

    // The monthly summary's form post without a script: a redirect to the file, as a path.
    const posted = await page.request.post(`/api${planPath}/summaries`, { headers: { origin }, form: { month: "3", format: "csv" }, maxRedirects: 0 });
    expect(posted.status()).toBe(303);
    expect(posted.headers().location).toMatch(/^\/api\/summaries\/[\w-]+$/);

    // Signing out ends on 127.0.0.1 too.
    await signOut(page);
    expect(new URL(page.url()).origin).toBe(origin);
    await context.close();
  });
});

test.describe("junk in ids and parameters", () => {
  test("a NUL byte or junk in an id gives 400 or 404 with no stack trace, never a 500", async ({ page, project }) => {
    const staff = await createUser(page.request, project, "STAFF");
    await signInWithForm(page, staff.username, staff.password);
    const junk = ["%00", "abc%00", "..%2F..%2Fetc", "%E4%BD%A0%E5%A5%BD", "x".repeat(300)];
    for (const id of junk) {
      const answers = [
        await page.request.get(`/api/attachments/${id}`),
        await page.request.delete(`/api/attachments/${id}`),
        await page.request.get(`/api/summaries/${id}`),
        await page.request.get(`/api/plans/${id}/workbook`),
        await page.request.post(`/api/plans/${id}/summaries`, { headers: { Accept: "application/json" }, data: { month: 3, format: "csv" } }),
        await page.request.post(`/api/reports/${id}/attachments`, {
          multipart: { file: { name: "a.pdf", mimeType: "application/pdf", buffer: Buffer.from("%PDF-1.4\n") } },
        }),
        await page.request.get(`/campaigns/${id}`),
        await page.request.get(`/campaigns/${id}/reports/2018-03`),
        await page.request.get(`/campaigns/${id}/tasks/${id}`),
        await page.request.get(`/plans/${id}`),
        await page.request.get(`/plans/${id}/board`),
        await page.request.get(`/plans/${id}/export`),
      ];
      for (const answer of answers) {
        expect([400, 404], `${answer.url()}: ${answer.status()}`).toContain(answer.status());
        expect(await answer.text(), answer.url()).not.toMatch(/\n\s+at .+:\d+:\d+/);
      }
    }
    const audit = await page.request.get("/api/audit/export?format=csv&actor=%00");
    expect([400, 403]).toContain(audit.status());
  });

  test("a malformed call to the public setLocale action is answered cleanly", async ({ page }) => {
    await page.goto("/login");
    const html = await (await page.request.get("/login")).text();
    const actionId = /name="\$ACTION_ID_([0-9a-f]+)"/.exec(html)?.[1];
    expect(actionId, "the language switch's action id").toBeTruthy();
    const call = (body: string) =>
      page.request.post("/login", {
        headers: { "Next-Action": actionId ?? "", "Content-Type": "text/plain;charset=UTF-8", Accept: "text/x-component" },
        data: body,
      });
    // Called with something other than a form: the action ignores it.
    for (const body of ['["zh-CN"]', "[]", "[null]", '[{"locale":"en"}]', '["en", "extra"]']) {
      const res = await call(body);
      expect(res.status(), body).toBe(200);
      expect(await res.text(), body).not.toMatch(/\n\s+at .+:\d+:\d+/);
    }
    // Arguments React could not have encoded: a plain 400.
    for (const body of ["not json at all", '{"locale":"en"}', ""]) {
      const res = await call(body);
      expect(res.status(), body).toBe(400);
      expect(await res.text(), body).toBe("Bad request");
    }
  });
});

test.describe("response headers", () => {
  test("downloads keep their own strict policy; pages have theirs; HSTS only over https", async ({ page, project }) => {
    const staff = await createUser(page.request, project, "STAFF");
    await signInWithForm(page, staff.username, staff.password);
    await openPlan(page);
    const planPath = new URL(page.url()).pathname;
    const made = await page.request.post(`/api${planPath}/summaries`, { headers: { Accept: "application/json" }, data: { month: 3, format: "csv" } });
    expect(made.status()).toBe(201);
    for (const path of ["/api/plans/template", `/api${planPath}/workbook`, ((await made.json()) as { url: string }).url]) {
      const res = await page.request.get(path);
      expect(res.status(), path).toBe(200);
      expect(res.headers()["content-security-policy"], path).toBe("default-src 'none'; sandbox");
      expect(res.headers()["x-content-type-options"], path).toBe("nosniff");
    }
    const pageAnswer = await page.request.get(planPath);
    expect(pageAnswer.headers()["content-security-policy"]).toContain("script-src 'self' 'nonce-");
    expect(pageAnswer.headers()["strict-transport-security"]).toBeUndefined();
    // Behind the (trusted, here: local) TLS proxy, the browser is told to keep to https.
    const overHttps = await page.request.get(planPath, { headers: { "x-forwarded-proto": "https" } });
    expect(overHttps.headers()["strict-transport-security"]).toBe("max-age=31536000");
  });
});
