// Each channel against a local stand-in of its service (lib/testing/fixtures/receivers.ts): a real SMTP
// conversation, robot posts whose signatures the receiver checks, an Aliyun-style SMS request.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startRobotReceiver, startSmtpServer } from "@/lib/testing/fixtures/receivers";
import { aliyunSmsChannel, ChannelError, configuredChannels, dingtalkChannel, emailChannel, webhookChannel, wecomChannel, type Recipient } from "./channels";

const lead: Recipient = {
  id: "u1",
  name: "陈静",
  mobile: "13812341234",
  email: "chen.jing@town.example.cn",
  dingtalkUserId: "chenjing",
  wecomUserId: "ChenJing",
};
const message = { kind: "reminder", title: "催办：百日整治大会战 3月进度报告已逾期 1 天", body: "请尽快填报。", link: "http://duban.local/campaigns/c1" };

describe("channels", () => {
  let smtp: Awaited<ReturnType<typeof startSmtpServer>>;
  let robots: Awaited<ReturnType<typeof startRobotReceiver>>;
  beforeAll(async () => {
    smtp = await startSmtpServer();
    robots = await startRobotReceiver({ dingtalkSecret: "SECdingtalk0123456789", webhookSecret: "webhook-secret-0123456789", smsSecret: "sms-secret" });
  });
  afterAll(async () => {
    await smtp.close();
    await robots.close();
  });

  it("nothing is configured by default", () => {
    expect(configuredChannels({ DUBAN_MAIL_FROM: "x", DUBAN_SMS_ENDPOINT: "https://dysmsapi.aliyuncs.com/" }).size).toBe(0);
    // SMS needs the whole account, not just the provider's name.
    expect(configuredChannels({ DUBAN_MAIL_FROM: "x", DUBAN_SMS_ENDPOINT: "https://x/", DUBAN_SMS_PROVIDER: "aliyun" }).has("SMS")).toBe(false);
  });

  it("email goes over SMTP with a Chinese subject", async () => {
    await emailChannel(`smtp://127.0.0.1:${smtp.port}`, "督办 <duban@town.example.cn>").send(message, lead);
    const mail = smtp.mails.at(-1)!;
    expect(mail.to).toEqual(["chen.jing@town.example.cn"]);
    expect(mail.from).toBe("duban@town.example.cn");
    expect(mail.subject).toBe(message.title);
    expect(mail.text).toContain("请尽快填报。");
    expect(mail.text).toContain(message.link);
    expect(emailChannel(`smtp://127.0.0.1:${smtp.port}`, "x <x@y.cn>").reaches({ ...lead, email: null })).toBe(false);
  });

  it("an unreachable SMTP server is a retryable error", async () => {
    const error = await emailChannel("smtp://127.0.0.1:1", "x <x@y.cn>")
      .send(message, lead)
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ChannelError);
    expect((error as ChannelError).permanent).toBe(false);
  });

  it("钉钉: signed, @-mentioning the person; a wrong secret is refused", async () => {
    await dingtalkChannel(`${robots.url}/dingtalk/robot/send?access_token=t0k`, "SECdingtalk0123456789").send(message, lead);
    const post = robots.posts.at(-1)!;
    expect(post.signatureValid).toBe(true);
    expect(post.query.get("access_token")).toBe("t0k");
    expect(post.json).toMatchObject({ msgtype: "text", at: { atMobiles: ["13812341234"], atUserIds: ["chenjing"] } });
    expect((post.json as { text: { content: string } }).text.content).toContain("陈静");
    await expect(dingtalkChannel(`${robots.url}/dingtalk/robot/send?access_token=t0k`, "SECwrong").send(message, lead)).rejects.toThrow(/310000/);
  });

  it("企业微信: mentions by user id and mobile", async () => {
    await wecomChannel(`${robots.url}/wecom/cgi-bin/webhook/send?key=k3y`).send(message, lead);
    expect(robots.posts.at(-1)!.json).toMatchObject({ msgtype: "text", text: { mentioned_list: ["ChenJing"], mentioned_mobile_list: ["13812341234"] } });
    await expect(wecomChannel(`${robots.url}/wecom/cgi-bin/webhook/send`).send(message, lead)).rejects.toThrow(/93000/);
  });

  it("the webhook is signed; a 4xx refusal is permanent", async () => {
    await webhookChannel(`${robots.url}/webhook`, "webhook-secret-0123456789").send(message, lead);
    const post = robots.posts.at(-1)!;
    expect(post.signatureValid).toBe(true);
    expect(post.json).toMatchObject({ kind: "reminder", title: message.title, to: { id: "u1", name: "陈静" } });
    const refused = await webhookChannel(`${robots.url}/webhook`, "another-secret-0123456789")
      .send(message, lead)
      .catch((e: unknown) => e);
    expect(refused).toMatchObject({ permanent: true });
  });

  it("SMS: an Aliyun SendSms request the fake accepts by its signature", async () => {
    const config = { endpoint: `${robots.url}/sms`, accessKeyId: "LTAIkey", accessKeySecret: "sms-secret", signName: "沈荡镇", templateCode: "SMS_1" };
    await aliyunSmsChannel(config).send(message, lead);
    const post = robots.posts.at(-1)!;
    expect(post.signatureValid).toBe(true);
    expect(post.json).toMatchObject({ Action: "SendSms", PhoneNumbers: "13812341234", SignName: "沈荡镇", TemplateCode: "SMS_1", AccessKeyId: "LTAIkey" });
    await expect(aliyunSmsChannel({ ...config, accessKeySecret: "wrong" }).send(message, lead)).rejects.toThrow(/SignatureDoesNotMatch/);
    expect(aliyunSmsChannel(config).reaches({ ...lead, mobile: null })).toBe(false);
  });
});
