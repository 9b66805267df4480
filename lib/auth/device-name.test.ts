import { describe, expect, it } from "vitest";
import { describeUserAgent } from "./device-name";

describe("describeUserAgent", () => {
  it.each([
    ["Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Safari/537.36", "Chrome · Windows 10"],
    [
      "Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148 MicroMessenger/8.0.40(0x18002831) NetType/WIFI Language/zh_CN",
      "WeChat · iOS 17.0",
    ],
    ["Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0", "Firefox · Linux"],
  ])("names %j as %j", (ua, words) => {
    expect(describeUserAgent(ua)).toBe(words);
  });

  it.each([null, undefined, "", "curl-ish nonsense"])("says nothing for %j", (ua) => {
    expect(describeUserAgent(ua)).toBeNull();
  });
});
