import { describe, expect, it } from "vitest";
import { serverOptions } from "./server-options";

describe("serverOptions (npm start arguments)", () => {
  it("takes the port and address as next start does, or PORT; every interface by default", () => {
    expect(serverOptions([], {})).toEqual({ port: 3000, hostname: undefined });
    expect(serverOptions([], { PORT: "8080" })).toEqual({ port: 8080, hostname: undefined });
    expect(serverOptions(["-p", "3401"], { PORT: "8080" })).toEqual({ port: 3401, hostname: undefined });
    expect(serverOptions(["--", "--port=3402", "-H", "127.0.0.1"], {})).toEqual({ port: 3402, hostname: "127.0.0.1" });
    expect(serverOptions(["--hostname", "::"], {})).toEqual({ port: 3000, hostname: "::" });
  });

  it("ignores HOSTNAME, which shells and containers set to the machine's name", () => {
    expect(serverOptions([], { HOSTNAME: "a1b2c3d4e5f6" })).toEqual({ port: 3000, hostname: undefined });
  });

  it("refuses what it does not know", () => {
    expect(() => serverOptions(["--turbo"], {})).toThrow(/Unknown argument "--turbo"[\s\S]*Usage: npm start/);
    expect(() => serverOptions(["-p", "http"], {})).toThrow(/Not a port: "http"/);
    expect(() => serverOptions(["-p", "70000"], {})).toThrow(/Not a port/);
  });
});
