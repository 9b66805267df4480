// The channels a message can go out on, each an adapter behind one interface, each configured in the
// environment (lib/env.ts, .env.example) and off until it is. send() resolves when the provider took the
// message and throws (a ChannelError) when it did not; the queue (queue.ts) records and retries.
import { randomUUID } from "node:crypto";
import nodemailer from "nodemailer";
import type { Env } from "@/lib/env";
import { aliyunSignature, dingtalkSignedUrl, webhookSignature } from "./signatures";

export type ChannelName = "EMAIL" | "SMS" | "DINGTALK" | "WECOM" | "WEBHOOK";

export type Recipient = {
  id: string;
  name: string;
  mobile: string | null;
  email: string | null;
  dingtalkUserId: string | null;
  wecomUserId: string | null;
};

export type OutgoingMessage = {
  /** What it is about, e.g. "reminder" (the webhook passes it on). */
  kind: string;
  title: string;
  body: string;
  /** An absolute link into the app, when known. */
  link?: string | null;
};

export interface Channel {
  readonly name: ChannelName;
  /** Whether this person can be reached on it at all (an address it needs). */
  reaches(to: Recipient): boolean;
  send(message: OutgoingMessage, to: Recipient): Promise<void>;
}

/** A refusal from a provider; `permanent` ones are not retried. */
export class ChannelError extends Error {
  constructor(
    message: string,
    readonly permanent = false,
  ) {
    super(message);
  }
}

const TIMEOUT_MS = 10_000;

async function postJson(url: string, body: string, headers: Record<string, string> = {}): Promise<Response> {
  try {
    return await fetch(url, {
      method: "POST",
      headers: { "content-type": "application/json; charset=utf-8", ...headers },
      body,
      signal: AbortSignal.timeout(TIMEOUT_MS),
    });
  } catch (error) {
    throw new ChannelError(`request failed: ${(error as Error).message}`);
  }
}

/** A robot API answers 200 with {errcode, errmsg}; errcode 0 is success. */
async function robotResult(response: Response): Promise<void> {
  if (!response.ok) throw new ChannelError(`HTTP ${response.status}`, response.status >= 400 && response.status < 500 && response.status !== 429);
  const json = (await response.json().catch(() => null)) as { errcode?: number; errmsg?: string } | null;
  if (!json || json.errcode !== 0) throw new ChannelError(`errcode ${json?.errcode ?? "?"}: ${json?.errmsg ?? "unreadable answer"}`);
}

function text(message: OutgoingMessage): string {
  return [message.title, message.body, message.link].filter(Boolean).join("\n");
}

export function emailChannel(smtpUrl: string, from: string): Channel {
  const transport = nodemailer.createTransport(smtpUrl);
  return {
    name: "EMAIL",
    reaches: (to) => !!to.email,
    async send(message, to) {
      if (!to.email) throw new ChannelError("no email address", true);
      try {
        await transport.sendMail({ from, to: { name: to.name, address: to.email }, subject: message.title, text: text(message) });
      } catch (error) {
        const code = (error as { responseCode?: number }).responseCode;
        throw new ChannelError(`SMTP: ${(error as Error).message}`, code !== undefined && code >= 500);
      }
    },
  };
}

/** 钉钉 custom robot (自定义机器人): a text message to its group, @-mentioning the person by mobile or user id. */
export function dingtalkChannel(webhook: string, secret: string | undefined): Channel {
  return {
    name: "DINGTALK",
    reaches: () => true,
    async send(message, to) {
      const body = JSON.stringify({
        msgtype: "text",
        text: { content: `${to.name}：${text(message)}` },
        at: { atMobiles: to.mobile ? [to.mobile] : [], atUserIds: to.dingtalkUserId ? [to.dingtalkUserId] : [], isAtAll: false },
      });
      await robotResult(await postJson(dingtalkSignedUrl(webhook, secret, Date.now()), body));
    },
  };
}

/** 企业微信 group robot (群机器人): a text message, mentioning the person by user id or mobile. */
export function wecomChannel(webhook: string): Channel {
  return {
    name: "WECOM",
    reaches: () => true,
    async send(message, to) {
      const body = JSON.stringify({
        msgtype: "text",
        text: {
          content: `${to.name}：${text(message)}`,
          mentioned_list: to.wecomUserId ? [to.wecomUserId] : [],
          mentioned_mobile_list: to.mobile ? [to.mobile] : [],
        },
      });
      await robotResult(await postJson(webhook, body));
    },
  };
}

/**
 * A generic JSON webhook for an intranet system: POST {id, kind, title, body, link, to: {id, name}} with
 * X-Duban-Timestamp and X-Duban-Signature (signatures.ts). Any 2xx is success.
 */
export function webhookChannel(url: string, secret: string | undefined): Channel {
  return {
    name: "WEBHOOK",
    reaches: () => true,
    async send(message, to) {
      const body = JSON.stringify({
        id: randomUUID(),
        kind: message.kind,
        title: message.title,
        body: message.body,
        link: message.link ?? null,
        to: { id: to.id, name: to.name },
      });
      const timestamp = Math.floor(Date.now() / 1000);
      const headers: Record<string, string> = { "x-duban-timestamp": String(timestamp) };
      if (secret) headers["x-duban-signature"] = webhookSignature(secret, timestamp, body);
      const response = await postJson(url, body, headers);
      if (!response.ok) throw new ChannelError(`HTTP ${response.status}`, response.status >= 400 && response.status < 500 && response.status !== 429);
    },
  };
}

export type AliyunSmsConfig = { endpoint: string; accessKeyId: string; accessKeySecret: string; signName: string; templateCode: string };

/**
 * SMS through Aliyun's dysmsapi SendSms (RPC style, HMAC-SHA1 signed, form-encoded POST). The template is
 * expected to take ${title} (e.g. "您有一条督办提醒：${title}，请登录系统查看。"); answer {Code: "OK"} is success.
 */
export function aliyunSmsChannel(config: AliyunSmsConfig): Channel {
  return {
    name: "SMS",
    reaches: (to) => !!to.mobile,
    async send(message, to) {
      if (!to.mobile) throw new ChannelError("no mobile number", true);
      const params: Record<string, string> = {
        AccessKeyId: config.accessKeyId,
        Action: "SendSms",
        Format: "JSON",
        PhoneNumbers: to.mobile,
        RegionId: "cn-hangzhou",
        SignName: config.signName,
        SignatureMethod: "HMAC-SHA1",
        SignatureNonce: randomUUID(),
        SignatureVersion: "1.0",
        TemplateCode: config.templateCode,
        TemplateParam: JSON.stringify({ title: message.title.slice(0, 35) }),
        Timestamp: new Date().toISOString().replace(/\.\d{3}Z$/, "Z"),
        Version: "2017-05-25",
      };
      params.Signature = aliyunSignature(config.accessKeySecret, params, "POST");
      let response: Response;
      try {
        response = await fetch(config.endpoint, {
          method: "POST",
          headers: { "content-type": "application/x-www-form-urlencoded" },
          body: new URLSearchParams(params).toString(),
          signal: AbortSignal.timeout(TIMEOUT_MS),
        });
      } catch (error) {
        throw new ChannelError(`request failed: ${(error as Error).message}`);
      }
      const json = (await response.json().catch(() => null)) as { Code?: string; Message?: string } | null;
      if (json?.Code !== "OK") throw new ChannelError(`SMS ${json?.Code ?? `HTTP ${response.status}`}: ${json?.Message ?? ""}`.trim(), response.status === 400);
    },
  };
}

type NotifyEnv = Pick<
  Env,
  | "DUBAN_SMTP_URL"
  | "DUBAN_MAIL_FROM"
  | "DUBAN_DINGTALK_WEBHOOK"
  | "DUBAN_DINGTALK_SECRET"
  | "DUBAN_WECOM_WEBHOOK"
  | "DUBAN_WEBHOOK_URL"
  | "DUBAN_WEBHOOK_SECRET"
  | "DUBAN_SMS_PROVIDER"
  | "DUBAN_SMS_ENDPOINT"
  | "DUBAN_SMS_ACCESS_KEY_ID"
  | "DUBAN_SMS_ACCESS_KEY_SECRET"
  | "DUBAN_SMS_SIGN_NAME"
  | "DUBAN_SMS_TEMPLATE_CODE"
>;

/** The channels the environment configures (none by default). */
export function configuredChannels(e: NotifyEnv): Map<ChannelName, Channel> {
  const channels = new Map<ChannelName, Channel>();
  if (e.DUBAN_SMTP_URL) channels.set("EMAIL", emailChannel(e.DUBAN_SMTP_URL, e.DUBAN_MAIL_FROM));
  if (e.DUBAN_DINGTALK_WEBHOOK) channels.set("DINGTALK", dingtalkChannel(e.DUBAN_DINGTALK_WEBHOOK, e.DUBAN_DINGTALK_SECRET));
  if (e.DUBAN_WECOM_WEBHOOK) channels.set("WECOM", wecomChannel(e.DUBAN_WECOM_WEBHOOK));
  if (e.DUBAN_WEBHOOK_URL) channels.set("WEBHOOK", webhookChannel(e.DUBAN_WEBHOOK_URL, e.DUBAN_WEBHOOK_SECRET));
  if (e.DUBAN_SMS_PROVIDER === "aliyun" && e.DUBAN_SMS_ACCESS_KEY_ID && e.DUBAN_SMS_ACCESS_KEY_SECRET && e.DUBAN_SMS_SIGN_NAME && e.DUBAN_SMS_TEMPLATE_CODE) {
    channels.set(
      "SMS",
      aliyunSmsChannel({
        endpoint: e.DUBAN_SMS_ENDPOINT,
        accessKeyId: e.DUBAN_SMS_ACCESS_KEY_ID,
        accessKeySecret: e.DUBAN_SMS_ACCESS_KEY_SECRET,
        signName: e.DUBAN_SMS_SIGN_NAME,
        templateCode: e.DUBAN_SMS_TEMPLATE_CODE,
      }),
    );
  }
  return channels;
}
