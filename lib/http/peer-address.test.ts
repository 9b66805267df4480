import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { installPeerAddressCapture, peerAddress, withPeerAddress } from "./peer-address";

describe("peerAddress", () => {
  let server: http.Server;
  let port = 0;
  beforeAll(async () => {
    installPeerAddressCapture();
    installPeerAddressCapture(); // twice is once
    // Like Next: the handler reads the address after awaiting other work, not only synchronously.
    server = http.createServer((_req, res) => {
      void new Promise((r) => setTimeout(r, 5)).then(() => Promise.resolve()).then(() => res.end(JSON.stringify({ peer: peerAddress() ?? null })));
    });
    await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
    port = (server.address() as AddressInfo).port;
  });
  afterAll(() => new Promise<void>((r) => server.close(() => r())));

  it("is the socket's address while a request is served, whatever the request's headers claim", async () => {
    const answer = await fetch(`http://127.0.0.1:${port}/`, { headers: { "x-forwarded-for": "6.6.6.6", "x-real-ip": "6.6.6.6" } });
    expect(await answer.json()).toEqual({ peer: expect.stringMatching(/^(::ffff:)?127\.0\.0\.1$/) as string });
  });

  it("is undefined outside a request", () => {
    expect(peerAddress()).toBeUndefined();
  });

  it("can be given for a test", () => {
    expect(withPeerAddress("203.0.113.7", () => peerAddress())).toBe("203.0.113.7");
  });
});
