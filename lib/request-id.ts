import { type HeaderSource, trustedProxyHops } from "@/lib/security/client-address";

/**
 * Every request's id, set by proxy.ts on the request (for the server actions,
 * route handlers and error paths that log) and on the response (for the
 * browser, a bug report, the reverse proxy's log). Apart from lib/log.ts so
 * that the proxy does not bundle the logger.
 */
export const REQUEST_ID_HEADER = "x-request-id";

/** Characters a request id may have: a UUID, or what a reverse proxy usually generates. */
const WELL_FORMED_ID = /^[A-Za-z0-9._:-]{8,128}$/;

/**
 * The id of an incoming request: a trusted reverse proxy's own id is reused,
 * so that its access log and ours name the request alike; without one
 * (TRUSTED_PROXY_HOPS=0, the rule of lib/security/client-address.ts) the
 * client's header is ignored, as it could be chosen to blur the logs.
 */
export function requestIdFor(headers: HeaderSource, hops = trustedProxyHops()) {
  const incoming = headers.get(REQUEST_ID_HEADER)?.trim() ?? "";
  if (hops > 0 && WELL_FORMED_ID.test(incoming)) return incoming;
  return crypto.randomUUID();
}
