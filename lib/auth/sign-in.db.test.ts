// The attack from issue #11, replayed against the sign-in itself: someone elsewhere guesses many
// made-up names and the real account, patiently and in bursts; the account's owner still signs in
// at the first try, from their browser and from their usual address. Nothing in the sign-in sleeps,
// so "at the first try" means at once.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DB_KINDS, openTestDatabase, type TestDatabase } from "@/lib/testing/db";
import { loadDemo } from "@/prisma/seed/demo";
import { keysFor, signInWithPassword, type SignInClient, type SignInOutcome } from "./sign-in";
import { SQL_NOW } from "@/lib/db/sql-now";
import { LIMITS } from "./throttle";

const PASSWORD = "demo-pass-unit";

describe("keysFor", () => {
  const client = { address: "10.0.0.1", deviceId: "d".repeat(24) };
  it("counts a known browser on its own, whatever the address", () => {
    expect(keysFor("Lead1", client, { device: true, address: true }).map((k) => k.key)).toEqual([`device:lead1|${"d".repeat(24)}`]);
  });
  it("counts a known address on its own", () => {
    expect(keysFor("lead1", client, { device: false, address: true }).map((k) => k.key)).toEqual(["knownAddress:lead1|10.0.0.1"]);
  });
  it("counts anyone else under the pair, the address and the account", () => {
    expect(keysFor("lead1", client, { device: false, address: false }).map((k) => k.key)).toEqual(["pair:lead1|10.0.0.1", "address:10.0.0.1", "account:lead1"]);
  });
  it("does not take a device cookie on trust: without a past session it is just anyone", () => {
    expect(keysFor("lead1", client, { device: false, address: false })).toHaveLength(3);
  });
});

describe.each(DB_KINDS)("signing in with a password (%s)", (kind) => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await openTestDatabase(kind);
    await loadDemo(t.prisma, { password: PASSWORD });
  });
  afterAll(() => t.close());

  const client = (address: string, deviceId: string | null = null): SignInClient => ({ address, deviceId, userAgent: "vitest" });
  /** A patient guesser waits out every wait (a lock is a time, and stays). */
  const waitOut = () => t.prisma.$executeRaw`UPDATE "LoginThrottle" SET "lastFailureAt" = "lastFailureAt" - interval '10 minutes'`;
  const tally = (outcomes: SignInOutcome[]) => ({
    ok: outcomes.filter((o) => o.ok).length,
    invalid: outcomes.filter((o) => !o.ok && o.error === "invalid").length,
    throttled: outcomes.filter((o) => !o.ok && o.error === "throttled").length,
  });

  it("signs in with the right password, opens a session and gives the browser a device id", async () => {
    const outcome = await signInWithPassword({ username: "Lead2", password: PASSWORD }, client("10.2.0.1"));
    expect(outcome).toMatchObject({
      ok: true,
      name: expect.any(String) as string,
      sessionId: expect.any(String) as string,
      deviceId: expect.stringMatching(/^[\w-]{24}$/) as string,
    });
    if (!outcome.ok) return;
    expect(await t.prisma.session.findUnique({ where: { id: outcome.sessionId } })).toMatchObject({
      address: "10.2.0.1",
      deviceId: outcome.deviceId,
      userAgent: "vitest",
      revokedAt: null,
    });
    expect(await t.prisma.loginThrottle.count({ where: { username: "lead2" } })).toBe(0);
  });

  it("gives an unknown name and a wrong password the same answer", async () => {
    const unknown = await signInWithPassword({ username: "nobody-here", password: PASSWORD }, client("10.2.0.2"));
    const wrong = await signInWithPassword({ username: "lead2", password: "not-the-password" }, client("10.2.0.2"));
    expect(unknown).toEqual({ ok: false, error: "invalid", retryAfterSeconds: 0 });
    expect(wrong).toEqual(unknown);
  });

  it("refuses malformed credentials without touching any count", async () => {
    for (const credentials of [
      undefined,
      null,
      {},
      { username: "", password: "x" },
      { username: "lead2", password: "x".repeat(300) },
      { username: ["lead2"], password: PASSWORD },
    ]) {
      expect(await signInWithPassword(credentials, client("10.2.0.3"))).toEqual({ ok: false, error: "invalid", retryAfterSeconds: 0 });
    }
    expect(await t.prisma.loginThrottle.count({ where: { address: "10.2.0.3" } })).toBe(0);
  });

  it("refuses a disabled user's right password", async () => {
    await t.prisma.user.update({ where: { username: "lead9" }, data: { disabled: true } });
    expect(await signInWithPassword({ username: "lead9", password: PASSWORD }, client("10.2.0.4"))).toMatchObject({ ok: false, error: "invalid" });
  });

  it("withstands the attack from the issue: the owner signs in at the first try, the guesser gets nowhere", async () => {
    // The owner of lead1 signs in as usual: at the office (10.1.1.1), in their browser.
    const first = await signInWithPassword({ username: "lead1", password: PASSWORD }, client("10.1.1.1"));
    expect(first.ok).toBe(true);
    const device = first.ok ? first.deviceId : "";

    // From 203.0.113.7: 40 made-up names, then 40 guesses at lead1, in bursts of ten, waiting out every wait.
    const attacker = client("203.0.113.7");
    const guesses: SignInOutcome[] = [];
    for (const names of [0, 1, 2, 3].map((b) => Array.from({ length: 10 }, (_, i) => `user${b * 10 + i}`))) {
      guesses.push(...(await Promise.all(names.map((username) => signInWithPassword({ username, password: "123456789" }, attacker)))));
      await waitOut();
    }
    for (let i = 0; i < 40; i++) {
      guesses.push(await signInWithPassword({ username: "lead1", password: `guess-${i}-2018` }, attacker));
      await waitOut();
    }
    const seen = tally(guesses);
    expect(seen.ok).toBe(0);
    // The address's budget ran out: at most lockAfter passwords were ever checked from there.
    expect(seen.invalid).toBeLessThanOrEqual(LIMITS.address.lockAfter ?? 0);
    expect(seen.throttled).toBeGreaterThan(0);
    expect(await signInWithPassword({ username: "lead1", password: "one-more" }, attacker)).toMatchObject({ ok: false, error: "throttled" });

    // And from 60 other addresses, one guess each at lead1 (a botnet), until the account's own count locks.
    const spread: SignInOutcome[] = [];
    for (let i = 0; i < 60; i++) {
      spread.push(await signInWithPassword({ username: "LEAD1", password: `spread-${i}` }, client(`198.51.100.${i + 1}`)));
      await waitOut();
    }
    expect(tally(spread).ok).toBe(0);
    expect(tally(spread).invalid).toBeLessThanOrEqual(LIMITS.account.lockAfter ?? 0);
    // A stranger with the right password, from a new address and browser, waits too: the account is locked for strangers.
    expect(await signInWithPassword({ username: "lead1", password: PASSWORD }, client("198.51.100.200"))).toMatchObject({ ok: false, error: "throttled" });

    // The owner: in their own browser (now on the phone network), and in a new browser at the office. Both at the first try.
    expect(await signInWithPassword({ username: "lead1", password: PASSWORD }, client("100.64.0.9", device))).toMatchObject({ ok: true, deviceId: device });
    expect(await signInWithPassword({ username: "lead1", password: PASSWORD }, client("10.1.1.1"))).toMatchObject({ ok: true });
    // Everyone else in town is untouched by all this.
    expect(await signInWithPassword({ username: "lead3", password: PASSWORD }, client("10.1.1.2"))).toMatchObject({ ok: true });
  });

  it("keeps slowing a guesser on the owner's own browser, but never locks it", async () => {
    const first = await signInWithPassword({ username: "lead4", password: PASSWORD }, client("10.4.0.1"));
    const device = first.ok ? first.deviceId : "";
    for (let i = 0; i < 30; i++) {
      const outcome = await signInWithPassword({ username: "lead4", password: `typo-${i}` }, client("10.4.0.1", device));
      expect(outcome).toMatchObject({ ok: false, error: "invalid" });
      await t.prisma.$executeRaw`UPDATE "LoginThrottle" SET "lastFailureAt" = "lastFailureAt" - interval '6 minutes'`;
    }
    expect(await signInWithPassword({ username: "lead4", password: PASSWORD }, client("10.4.0.1", device))).toMatchObject({ ok: true });
  });

  it("refuses a quick retry after a few failures, saying how long to wait, and counts nothing meanwhile", async () => {
    const stranger = client("10.5.0.1");
    const outcomes: SignInOutcome[] = [];
    for (let i = 0; i < LIMITS.pair.slowAfter; i++) outcomes.push(await signInWithPassword({ username: "lead5", password: `nope-${i}` }, stranger));
    expect(outcomes.slice(0, -1).every((o) => !o.ok && o.error === "invalid" && o.retryAfterSeconds === 0)).toBe(true);
    expect(outcomes.at(-1)).toEqual({ ok: false, error: "invalid", retryAfterSeconds: 1 });
    // Retried straight away (the last failure made "now", whatever this machine's speed): refused, unchecked.
    const justNow = () => t.prisma.$executeRaw`UPDATE "LoginThrottle" SET "lastFailureAt" = ${SQL_NOW} WHERE "key" = 'pair:lead5|10.5.0.1'`;
    await justNow();
    expect(await signInWithPassword({ username: "lead5", password: "nope-again" }, stranger)).toEqual({ ok: false, error: "throttled", retryAfterSeconds: 1 });
    await justNow();
    expect(await signInWithPassword({ username: "lead5", password: PASSWORD }, stranger)).toMatchObject({ ok: false, error: "throttled" });
    expect((await t.prisma.loginThrottle.findUniqueOrThrow({ where: { key: "pair:lead5|10.5.0.1" } })).failures).toBe(LIMITS.pair.slowAfter);
    await waitOut();
    expect(await signInWithPassword({ username: "lead5", password: PASSWORD }, stranger)).toMatchObject({ ok: true });
    expect(await t.prisma.loginThrottle.count({ where: { key: "pair:lead5|10.5.0.1" } })).toBe(0);
  });
});
