// The delivery queue on both engines: claims with FOR UPDATE SKIP LOCKED (one session on the embedded
// database, a pool on PostgreSQL), retries with backoff, a permanent refusal or the last try is FAILED.
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { BOTH_DB_KINDS, useTestDatabase } from "@/lib/testing/db";
import { channelMap, recordingChannel } from "@/lib/testing/fixtures/channels";
import { MAX_ATTEMPTS } from "./backoff";
import { enqueueNotification, runDeliveriesOnce } from "./queue";

const T0 = new Date("2018-05-10T01:00:00.000Z");
const plus = (ms: number) => new Date(T0.getTime() + ms);

describe.each(BOTH_DB_KINDS)("delivery queue (%s)", (kind) => {
  const t = useTestDatabase(kind, "demo");

  async function queueFor(username: string, channels: ReturnType<typeof channelMap>) {
    const user = await t.prisma.user.update({
      where: { username },
      data: { email: `${username}@town.example.cn`, mobile: "13812341234", notifyChannels: ["EMAIL", "SMS", "DINGTALK"] },
    });
    const { notificationId, channels: queued } = await db().$transaction((tx) =>
      enqueueNotification(tx, { userId: user.id, kind: "reminder", title: "催办", body: "请报送" }, channels, T0),
    );
    return { user, notificationId, queued };
  }

  it("queues only configured channels the person chose, and retries a refusal with backoff until it is sent", async () => {
    const email = recordingChannel("EMAIL", { failTimes: 2 });
    const robot = recordingChannel("DINGTALK");
    const hook = recordingChannel("WEBHOOK");
    const channels = channelMap(email, robot, hook);
    const { notificationId, queued } = await queueFor("lead2", channels);
    // SMS was chosen but is not configured; the intranet webhook gets everything.
    expect(queued.sort()).toEqual(["DINGTALK", "EMAIL", "WEBHOOK"]);

    expect(await runDeliveriesOnce({ at: T0, channels })).toEqual({ sent: 2, retried: 1, failed: 0 });
    // Not yet due again: nothing is claimed.
    expect(await runDeliveriesOnce({ at: plus(29_000), channels })).toEqual({ sent: 0, retried: 0, failed: 0 });
    expect(await runDeliveriesOnce({ at: plus(31_000), channels })).toEqual({ sent: 0, retried: 1, failed: 0 });
    expect(await runDeliveriesOnce({ at: plus(31_000 + 59_000), channels })).toEqual({ sent: 0, retried: 0, failed: 0 });
    expect(await runDeliveriesOnce({ at: plus(31_000 + 61_000), channels })).toEqual({ sent: 1, retried: 0, failed: 0 });

    const rows = await t.prisma.delivery.findMany({ where: { notificationId }, orderBy: { channel: "asc" } });
    const mail = rows.find((r) => r.channel === "EMAIL")!;
    expect(mail).toMatchObject({ status: "SENT", attempts: 3, lastError: null, lockedUntil: null });
    expect(mail.deliveredAt!.getTime()).toBeGreaterThanOrEqual(plus(92_000).getTime());
    expect(rows.filter((r) => r.channel !== "EMAIL").every((r) => r.status === "SENT" && r.attempts === 1)).toBe(true);
    expect(email.sent).toHaveLength(1);
    expect(email.sent[0]!.to.email).toBe("lead2@town.example.cn");
  });

  it("a permanent refusal fails at once; a passing one after the last try", async () => {
    const refused = recordingChannel("EMAIL", { failTimes: 99, permanent: true });
    const flaky = recordingChannel("DINGTALK", { failTimes: 99 });
    const channels = channelMap(refused, flaky);
    const { notificationId } = await queueFor("lead3", channels);
    let at = T0;
    for (let i = 0; i < MAX_ATTEMPTS + 2; i++) {
      await runDeliveriesOnce({ at, channels });
      at = new Date(at.getTime() + 3_600_000);
    }
    const rows = await t.prisma.delivery.findMany({ where: { notificationId } });
    expect(rows.find((r) => r.channel === "EMAIL")).toMatchObject({ status: "FAILED", attempts: 1, lastError: "refused (try 1)" });
    expect(rows.find((r) => r.channel === "DINGTALK")).toMatchObject({ status: "FAILED", attempts: MAX_ATTEMPTS });
    expect(flaky.tries).toBe(MAX_ATTEMPTS);
  });

  it("senders running at once never send one delivery twice", async () => {
    const robot = recordingChannel("DINGTALK");
    const channels = channelMap(robot);
    for (const u of ["lead4", "lead5", "lead6", "lead7"]) await queueFor(u, channels);
    const at = plus(10 * 3_600_000);
    const runs = await Promise.all([1, 2, 3].map(() => runDeliveriesOnce({ at, channels, limit: 2 })));
    const more = await runDeliveriesOnce({ at, channels });
    expect(runs.reduce((n, r) => n + r.sent, 0) + more.sent).toBe(4);
    expect(robot.sent.map((s) => s.to.name).sort()).toHaveLength(4);
    expect(new Set(robot.sent.map((s) => s.to.id)).size).toBe(4);
  });
});
