import { createHmac } from "node:crypto";
import { describe, expect, it } from "vitest";
import { aliyunPercentEncode, aliyunSignature, dingtalkSign, dingtalkSignedUrl, webhookSignature } from "./signatures";

describe("signatures", () => {
  it("钉钉: base64 HmacSHA256 of timestamp\\nsecret, url-encoded", () => {
    const secret = "SEC1234567890abcdef";
    const ts = 1700000000000;
    const expected = createHmac("sha256", secret).update(`${ts}\n${secret}`).digest("base64");
    expect(decodeURIComponent(dingtalkSign(secret, ts))).toBe(expected);
    expect(dingtalkSign(secret, ts)).not.toMatch(/[+/=]/); // url-encoded
    expect(dingtalkSign(secret, ts)).not.toBe(dingtalkSign(secret, ts + 1));
    expect(dingtalkSignedUrl("https://oapi.dingtalk.com/robot/send?access_token=abc", secret, ts)).toBe(
      `https://oapi.dingtalk.com/robot/send?access_token=abc&timestamp=${ts}&sign=${dingtalkSign(secret, ts)}`,
    );
    expect(dingtalkSignedUrl("https://h/robot", undefined, ts)).toBe("https://h/robot");
  });

  it("webhook: hex HMAC over timestamp.body", () => {
    const sig = webhookSignature("s3cret", 1700000000, '{"a":1}');
    expect(sig).toBe(`sha256=${createHmac("sha256", "s3cret").update('1700000000.{"a":1}').digest("hex")}`);
    expect(webhookSignature("s3cret", 1700000000, '{"a":2}')).not.toBe(sig);
  });

  it("Aliyun: percent-encoding and the documented RPC signature example", () => {
    expect(aliyunPercentEncode("a b*c~d'")).toBe("a%20b%2Ac~d%27");
    // The string to sign, written out by hand as Aliyun's RPC 签名机制 describes it: sorted, each key and
    // value percent-encoded, joined, then the whole query encoded once more.
    const params = { Action: "SendSms", PhoneNumbers: "13812341234", SignName: "沈荡镇", TemplateParam: '{"title":"a b"}' };
    const stringToSign =
      "POST&%2F&Action%3DSendSms%26PhoneNumbers%3D13812341234%26SignName%3D%25E6%25B2%2588%25E8%258D%25A1%25E9%2595%2587" +
      "%26TemplateParam%3D%257B%2522title%2522%253A%2522a%2520b%2522%257D";
    const expected = createHmac("sha1", "testsecret&").update(stringToSign).digest("base64");
    expect(aliyunSignature("testsecret", params)).toBe(expected);
    expect(aliyunSignature("testsecret", { ...params, Signature: "ignored" })).toBe(expected);
    expect(aliyunSignature("othersecret", params)).not.toBe(expected);
  });
});
