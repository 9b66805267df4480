// The signatures the channels' receivers check (pure, unit-tested against the providers' documented examples).
import { createHmac } from "node:crypto";

/**
 * 钉钉 custom robot, "加签": sign = urlencode(base64(HmacSHA256(key = secret, data = `${timestamp}\n${secret}`))),
 * appended to the webhook as &timestamp=…&sign=… (timestamp in milliseconds; 钉钉 refuses one more than an hour off).
 */
export function dingtalkSign(secret: string, timestamp: number): string {
  return encodeURIComponent(createHmac("sha256", secret).update(`${timestamp}\n${secret}`).digest("base64"));
}

/** The webhook's URL with its timestamp and sign (any existing query, e.g. access_token, kept). */
export function dingtalkSignedUrl(webhook: string, secret: string | undefined, timestamp: number): string {
  if (!secret) return webhook;
  return `${webhook}${webhook.includes("?") ? "&" : "?"}timestamp=${timestamp}&sign=${dingtalkSign(secret, timestamp)}`;
}

/**
 * The generic JSON webhook: X-Duban-Signature: sha256=<hex HMAC-SHA256(secret, `${timestamp}.${body}`)>, with the
 * timestamp (seconds) in X-Duban-Timestamp, so a receiver can refuse a replay.
 */
export function webhookSignature(secret: string, timestamp: number, body: string): string {
  return `sha256=${createHmac("sha256", secret).update(`${timestamp}.${body}`).digest("hex")}`;
}

/** RFC 3986 percent-encoding as Aliyun's RPC signature wants it (space %20, * %2A, ~ kept). */
export function aliyunPercentEncode(value: string): string {
  return encodeURIComponent(value)
    .replace(/\+/g, "%20")
    .replace(/\*/g, "%2A")
    .replace(/%7E/g, "~")
    .replace(/[!'()]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

/**
 * Aliyun RPC signature (SignatureMethod HMAC-SHA1, SignatureVersion 1.0), as for dysmsapi SendSms:
 * base64(HMAC-SHA1(key = `${secret}&`, `${method}&%2F&${percentEncode(sorted canonical query)}`)).
 */
export function aliyunSignature(secret: string, params: Record<string, string>, method = "POST"): string {
  const canonical = Object.keys(params)
    .filter((k) => k !== "Signature")
    .sort()
    .map((k) => `${aliyunPercentEncode(k)}=${aliyunPercentEncode(params[k] ?? "")}`)
    .join("&");
  const toSign = `${method}&${aliyunPercentEncode("/")}&${aliyunPercentEncode(canonical)}`;
  return createHmac("sha1", `${secret}&`).update(toSign).digest("base64");
}
