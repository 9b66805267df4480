import { describe, expect, it } from "vitest";
import { clientAddress, fromTrustedProxy, normalizeAddress, servedOverHttps, UNKNOWN_ADDRESS } from "./client-address";

const headers = (xff?: string, proto?: string) => {
  const h = new Headers();
  if (xff !== undefined) h.set("x-forwarded-for", xff);
  if (proto !== undefined) h.set("x-forwarded-proto", proto);
  return h;
};

describe("clientAddress", () => {
  it("is the socket's address when no proxy is trusted, whatever the headers say", () => {
    expect(clientAddress(headers(), "203.0.113.7", undefined)).toBe("203.0.113.7");
    expect(clientAddress(headers("10.0.0.1"), "203.0.113.7", undefined)).toBe("203.0.113.7");
    expect(clientAddress(headers("1.2.3.4, 10.0.0.1"), "::ffff:203.0.113.7", "")).toBe("203.0.113.7");
  });

  it("believes X-Forwarded-For only from a listed proxy, and only as far as the chain of listed proxies goes", () => {
    const proxies = "10.0.0.5, 10.1.0.0/16";
    // nginx at 10.0.0.5 appends the address it saw.
    expect(clientAddress(headers("198.51.100.9"), "10.0.0.5", proxies)).toBe("198.51.100.9");
    // A client's own X-Forwarded-For in front of the proxy's is not believed: the chain stops at the first unlisted hop.
    expect(clientAddress(headers("6.6.6.6, 198.51.100.9"), "10.0.0.5", proxies)).toBe("198.51.100.9");
    // Two listed proxies in a row.
    expect(clientAddress(headers("198.51.100.9, 10.1.2.3"), "10.0.0.5", proxies)).toBe("198.51.100.9");
    // The same header from somewhere else is ignored.
    expect(clientAddress(headers("198.51.100.9"), "203.0.113.7", proxies)).toBe("203.0.113.7");
  });

  it("understands proxy-addr's names for address ranges and IPv6", () => {
    expect(clientAddress(headers("198.51.100.9"), "::ffff:127.0.0.1", "loopback")).toBe("198.51.100.9");
    expect(clientAddress(headers("2001:db8::1"), "::1", "loopback")).toBe("2001:db8::1");
    expect(clientAddress(headers("198.51.100.9"), "::1", "10.0.0.0/8")).toBe("::1");
  });

  it("is 'unknown' outside a request, where there is no socket", () => {
    expect(clientAddress(headers("198.51.100.9"), undefined, "loopback")).toBe(UNKNOWN_ADDRESS);
  });
});

describe("fromTrustedProxy", () => {
  it("is true only for a listed proxy", () => {
    expect(fromTrustedProxy("10.0.0.5", "10.0.0.5")).toBe(true);
    expect(fromTrustedProxy("::ffff:10.0.0.5", "10.0.0.0/24")).toBe(true);
    expect(fromTrustedProxy("10.0.0.6", "10.0.0.5")).toBe(false);
    expect(fromTrustedProxy("10.0.0.5", undefined)).toBe(false);
    expect(fromTrustedProxy(undefined, "loopback")).toBe(false);
  });
});

describe("normalizeAddress", () => {
  it("writes an IPv4 address one way, mapped into IPv6 or not", () => {
    expect(normalizeAddress("::ffff:10.0.0.7")).toBe("10.0.0.7");
    expect(normalizeAddress("::FFFF:10.0.0.7")).toBe("10.0.0.7");
    expect(normalizeAddress("2001:DB8::1")).toBe("2001:db8::1");
    expect(normalizeAddress("x".repeat(500))).toHaveLength(100);
  });
});

describe("servedOverHttps", () => {
  it("believes X-Forwarded-Proto from a listed proxy only", () => {
    expect(servedOverHttps(headers(undefined, "https"), "10.0.0.5", "10.0.0.5")).toBe(true);
    expect(servedOverHttps(headers(undefined, "https, http"), "10.0.0.5", "10.0.0.5")).toBe(true);
    expect(servedOverHttps(headers(undefined, "http"), "10.0.0.5", "10.0.0.5")).toBe(false);
    expect(servedOverHttps(headers(undefined, "https"), "203.0.113.7", "10.0.0.5")).toBe(false);
    expect(servedOverHttps(headers(undefined, "https"), "10.0.0.5", undefined)).toBe(false);
  });
});
