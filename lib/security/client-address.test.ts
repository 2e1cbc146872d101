import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  addressKey,
  clientAddress,
  normaliseAddress,
  SOCKET_ADDRESS_HEADER,
  trustedProxyHops,
  UNKNOWN_ADDRESS,
} from "./client-address";
import { recordSocketAddresses } from "./socket-address";

const request = (fields: { socket?: string; forwarded?: string }) =>
  new Headers({
    ...(fields.socket ? { [SOCKET_ADDRESS_HEADER]: fields.socket } : {}),
    ...(fields.forwarded ? { "x-forwarded-for": fields.forwarded } : {}),
  });

describe("clientAddress", () => {
  it("without a trusted proxy (0 hops), is the socket address whatever X-Forwarded-For says", () => {
    for (const forged of ["198.51.100.1", "198.51.100.2", "1.2.3.4, 5.6.7.8", "not an address"]) {
      expect(clientAddress(request({ socket: "203.0.113.7", forwarded: forged }), 0)).toBe("203.0.113.7");
    }
  });

  it("behind N trusted proxies, is the Nth address from the right of X-Forwarded-For", () => {
    // The client wrote the leftmost entries; proxy 1 appended what it saw, proxy 2 appended proxy 1.
    const chain = "6.6.6.6, 203.0.113.7, 10.0.0.2";
    expect(clientAddress(request({ socket: "10.0.0.3", forwarded: chain }), 1)).toBe("10.0.0.2");
    expect(clientAddress(request({ socket: "10.0.0.3", forwarded: chain }), 2)).toBe("203.0.113.7");
    expect(clientAddress(request({ socket: "10.0.0.3", forwarded: chain }), 3)).toBe("6.6.6.6");
  });

  it("behind one proxy, what the client prepends to X-Forwarded-For changes nothing", () => {
    const keys = ["1.1.1.1", "2.2.2.2", "3.3.3.3, 4.4.4.4"].map((forged) =>
      clientAddress(request({ socket: "10.0.0.3", forwarded: `${forged}, 203.0.113.7` }), 1),
    );
    expect(new Set(keys)).toEqual(new Set(["203.0.113.7"]));
  });

  it("with fewer entries than trusted proxies, falls back on the socket address", () => {
    expect(clientAddress(request({ socket: "10.0.0.3", forwarded: "203.0.113.7" }), 2)).toBe("10.0.0.3");
    expect(clientAddress(request({ socket: "10.0.0.3" }), 1)).toBe("10.0.0.3");
  });

  it("is null when unknown or malformed, and rate limits then share one key", () => {
    expect(clientAddress(request({ forwarded: "203.0.113.7" }), 0)).toBeNull();
    expect(clientAddress(request({ socket: "10.0.0.3", forwarded: "<script>, 10.0.0.2" }), 2)).toBeNull();
    expect(addressKey(request({ forwarded: "203.0.113.7" }), 0)).toBe(UNKNOWN_ADDRESS);
  });
});

describe("normaliseAddress", () => {
  it("writes IPv4-mapped IPv6 as IPv4, drops ports and brackets, refuses anything else", () => {
    expect(normaliseAddress("::ffff:127.0.0.1")).toBe("127.0.0.1");
    expect(normaliseAddress("203.0.113.7:51234")).toBe("203.0.113.7");
    expect(normaliseAddress("[2001:DB8::1]:443")).toBe("2001:db8::1");
    expect(normaliseAddress("2001:db8::1")).toBe("2001:db8::1");
    for (const bad of ["", "unknown", "1.2.3", "a".repeat(300), "1.2.3.4; drop table"]) {
      expect(normaliseAddress(bad)).toBeNull();
    }
  });
});

describe("trustedProxyHops", () => {
  it("is 0 by default and refuses what is not a small integer", () => {
    expect(trustedProxyHops(undefined)).toBe(0);
    expect(trustedProxyHops("")).toBe(0);
    expect(trustedProxyHops("2")).toBe(2);
    for (const bad of ["-1", "1.5", "true", "11"])
      expect(() => trustedProxyHops(bad)).toThrow(/TRUSTED_PROXY_HOPS/);
  });
});

describe("recordSocketAddresses", () => {
  // A real HTTP server, as `next start` runs one: the header carries the TCP peer, never the client's copy.
  let server: http.Server;
  let port = 0;
  beforeAll(async () => {
    recordSocketAddresses();
    server = http.createServer((req, res) => {
      res.end(JSON.stringify({ socket: req.headers[SOCKET_ADDRESS_HEADER] ?? null }));
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    port = (server.address() as AddressInfo).port;
  });
  afterAll(() => new Promise((resolve) => server.close(resolve)));

  it("overwrites a forged header with the socket address", async () => {
    const answer = await fetch(`http://127.0.0.1:${port}/`, {
      headers: { [SOCKET_ADDRESS_HEADER]: "6.6.6.6", "x-forwarded-for": "6.6.6.6" },
    });
    const { socket } = (await answer.json()) as { socket: string };
    expect(normaliseAddress(socket)).toBe("127.0.0.1");
  });
});
