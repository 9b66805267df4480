// A session's browser in words people recognise ("Chrome · Windows 10", "WeChat · iOS 17.0"), from
// its User-Agent, for the lists of open sessions. bowser knows the in-app browsers used here (微信).
import Bowser from "bowser";

export function describeUserAgent(userAgent: string | null | undefined): string | null {
  if (!userAgent) return null;
  const { browser, os } = Bowser.parse(userAgent);
  const parts = [browser.name, [os.name, os.versionName ?? os.version].filter(Boolean).join(" ")].filter(Boolean);
  return parts.length ? parts.join(" · ") : null;
}
