import { isIP } from "node:net";

/**
 * The client's address for rate limits, from the one source that cannot be
 * forged: the TCP peer of this server (the socket address), or, behind
 * `TRUSTED_PROXY_HOPS` reverse proxies that each append the address they saw
 * to X-Forwarded-For, the address the outermost trusted proxy saw.
 *
 * - 0 (the default, no proxy): the socket address. Whatever the client puts in
 *   X-Forwarded-For is ignored.
 * - N ≥ 1: the Nth entry from the right of X-Forwarded-For. The entries to
 *   its left were written by the client and are ignored; the ones to its
 *   right were written by the other trusted proxies.
 *
 * Next does not hand the socket address to route handlers or server actions
 * (`NextRequest.ip` is gone; it fills X-Forwarded-For with it only when the
 * client sent none, so that header alone can be forged). The server records it
 * in SOCKET_ADDRESS_HEADER as each request arrives (socket-address.ts, wired in
 * instrumentation.ts), overwriting any value the client sent.
 *
 * null when unknown (a request that arrived before that hook was installed,
 * a malformed entry): callers then use one shared key, which limits everyone
 * together rather than no one.
 */
export const SOCKET_ADDRESS_HEADER = "x-cooperation-socket-address";

/** Key used by rate limits when the client's address is unknown: one shared counter. */
export const UNKNOWN_ADDRESS = "unknown";

export type HeaderSource = { get(name: string): string | null };

/** TRUSTED_PROXY_HOPS as an integer from 0 to 10; anything else is refused at the first request. */
export function trustedProxyHops(value = process.env.TRUSTED_PROXY_HOPS) {
  if (value === undefined || value.trim() === "") return 0;
  const hops = Number(value);
  if (!Number.isInteger(hops) || hops < 0 || hops > 10) {
    throw new Error(`TRUSTED_PROXY_HOPS must be an integer from 0 to 10 (got « ${value} »).`);
  }
  return hops;
}

/** A well-formed IP address, IPv4-mapped IPv6 written as IPv4; null otherwise. */
export function normaliseAddress(value: string | null | undefined) {
  let address = value?.trim() ?? "";
  // An IPv6 literal may come bracketed, with a port ("[::1]:443").
  const bracketed = /^\[([^\]]+)\](?::\d+)?$/.exec(address);
  if (bracketed?.[1]) address = bracketed[1];
  // An IPv4 address may come with a port ("203.0.113.7:51234").
  else if (/^\d{1,3}(\.\d{1,3}){3}:\d+$/.test(address)) address = address.slice(0, address.lastIndexOf(":"));
  const mapped = /^::ffff:(\d{1,3}(\.\d{1,3}){3})$/i.exec(address);
  if (mapped?.[1]) address = mapped[1];
  return isIP(address) ? address.toLowerCase() : null;
}

/** The client's address per the rule above, or null when it cannot be known. */
export function clientAddress(headers: HeaderSource, hops = trustedProxyHops()) {
  const socket = normaliseAddress(headers.get(SOCKET_ADDRESS_HEADER));
  if (hops === 0) return socket;
  const forwarded = (headers.get("x-forwarded-for") ?? "")
    .split(",")
    .map((entry) => entry.trim())
    .filter(Boolean);
  // Fewer entries than trusted proxies: the request did not come through all of
  // them, so no entry can be trusted; the socket address (the nearest peer) is the best known.
  if (forwarded.length < hops) return socket;
  return normaliseAddress(forwarded[forwarded.length - hops]);
}

/** The key part of a rate-limit counter for this request's client. */
export function addressKey(headers: HeaderSource, hops = trustedProxyHops()) {
  return clientAddress(headers, hops) ?? UNKNOWN_ADDRESS;
}
