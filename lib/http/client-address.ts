// Who is at the other end, as far as we can know: the socket's address, or, when the socket is one of
// the reverse proxies listed in DUBAN_TRUSTED_PROXIES, the address those proxies forwarded. A header
// from anyone else is never believed, so no client can choose which sign-in bucket it falls in.
import proxyaddr from "proxy-addr";
import { env, trustedProxyList } from "@/lib/env";
import { peerAddress } from "./peer-address";

/** When the socket's address is unknown (outside a request, or the capture is not installed). */
export const UNKNOWN_ADDRESS = "unknown";

type Trust = (address: string, hop: number) => boolean;
let compiled: { source: string | undefined; trust: Trust } | undefined;

function trust(source = env.DUBAN_TRUSTED_PROXIES): Trust {
  if (!compiled || compiled.source !== source) compiled = { source, trust: proxyaddr.compile(trustedProxyList(source)) };
  return compiled.trust;
}

/** "::ffff:10.0.0.7" → "10.0.0.7": one spelling per address, so one key per client. */
export function normalizeAddress(address: string): string {
  const mapped = /^::ffff:(\d{1,3}(?:\.\d{1,3}){3})$/i.exec(address);
  // A trusted proxy passes on what the client said before it; keep a key's length sane whatever that was.
  return (mapped?.[1] ?? address).toLowerCase().slice(0, 100);
}

/**
 * The client's address for a request with these headers. `peer` is the socket's address (read
 * from the request being served); `trusted` the DUBAN_TRUSTED_PROXIES list.
 */
export function clientAddress(headers: Headers, peer = peerAddress(), trusted = env.DUBAN_TRUSTED_PROXIES): string {
  if (!peer) return UNKNOWN_ADDRESS;
  const forwardedFor = headers.get("x-forwarded-for") ?? undefined;
  // proxy-addr reads a Node request; this is the part of one it looks at.
  const request = { socket: { remoteAddress: peer }, connection: { remoteAddress: peer }, headers: { "x-forwarded-for": forwardedFor } };
  return normalizeAddress(proxyaddr(request as unknown as Parameters<typeof proxyaddr>[0], trust(trusted)));
}

/** Whether the request reached the app from one of the trusted proxies (so its X-Forwarded-* may be believed). */
export function fromTrustedProxy(peer = peerAddress(), trusted = env.DUBAN_TRUSTED_PROXIES): boolean {
  return !!peer && trust(trusted)(peer, 0);
}

/**
 * Whether the user's browser talks to us over https: NEXTAUTH_URL says so, or a trusted proxy's
 * X-Forwarded-Proto does (`next start` itself speaks plain http, so TLS ends at a proxy).
 */
export function servedOverHttps(headers: Headers, peer = peerAddress(), trusted = env.DUBAN_TRUSTED_PROXIES): boolean {
  if (env.NEXTAUTH_URL?.startsWith("https:")) return true;
  return fromTrustedProxy(peer, trusted) && headers.get("x-forwarded-proto")?.split(",")[0]?.trim() === "https";
}
