import { type NextRequest, NextResponse } from "next/server";
import {
  LAUREATES_SEARCH_SEGMENT,
  LAUREATES_SEGMENT_HEADER,
  routeLaureatesList,
} from "@/lib/public/laureates-routing";
import { checkPath, NOT_FOUND_HEADER } from "@/lib/public/path-guard";
import { REQUEST_ID_HEADER, requestIdFor } from "@/lib/request-id";
import {
  cspOptionsFromEnv,
  policyForRequest,
  resourceCsp,
  strictTransportSecurity,
} from "@/lib/security/csp";

const cspOptions = cspOptionsFromEnv();
// Read when the server starts, not when it is built (lib/security/csp.ts says why).
const hsts = strictTransportSecurity(cspOptions);

/**
 * Runs before every matched request (Node runtime). Each concern is a function
 * in lib/ with its own unit tests; this file only wires them.
 */
export function proxy(request: NextRequest) {
  const pathname = request.nextUrl.pathname;
  // The request's id, for the logs of every node it reaches (lib/request-id.ts): on the request and the response.
  const requestId = requestIdFor(request.headers);
  // Malformed percent-encoding, or an id or slug that cannot exist on a cached route (lib/public/path-guard.ts).
  const verdict = checkPath(pathname);
  if (pathname.startsWith("/api/")) {
    if (verdict === "bad-request") return badRequest(resourceCsp(), requestId);
    const apiHeaders = new Headers(request.headers);
    apiHeaders.set(REQUEST_ID_HEADER, requestId);
    const response = NextResponse.next({ request: { headers: apiHeaders } });
    response.headers.set(REQUEST_ID_HEADER, requestId);
    return response;
  }
  // Content-Security-Policy of every page: a fresh nonce, or the public pages' policy (lib/security/csp.ts).
  const { csp, requestHeaders } = policyForRequest(pathname, request.headers, cspOptions);
  const withCsp = (response: NextResponse) => {
    response.headers.set("Content-Security-Policy", csp);
    if (hsts) response.headers.set("Strict-Transport-Security", hsts);
    response.headers.set(REQUEST_ID_HEADER, requestId);
    return response;
  };
  if (verdict === "bad-request") return badRequest(csp, requestId);
  requestHeaders.set(REQUEST_ID_HEADER, requestId);
  // Only the proxy sends a request to the static 404 (next.config.ts's rewrite); a client's header is dropped.
  requestHeaders.delete(NOT_FOUND_HEADER);
  if (verdict === "not-found") requestHeaders.set(NOT_FOUND_HEADER, "1");
  // The laureates list is served from the cache: /laureats as it is, one entry per canonical filter combination.
  const laureates = routeLaureatesList(request.nextUrl.pathname, request.nextUrl.searchParams, {
    clientNavigation: request.headers.get("rsc") === "1",
  });
  if (laureates?.kind === "redirect") {
    const redirect = NextResponse.redirect(new URL(laureates.location, request.url));
    redirect.headers.set(REQUEST_ID_HEADER, requestId);
    return redirect;
  }
  // Only the proxy names the segment; the rewrite itself is next.config.ts's (lib/public/laureates-routing.ts says why).
  requestHeaders.delete(LAUREATES_SEGMENT_HEADER);
  if (laureates?.kind === "rewrite") requestHeaders.set(LAUREATES_SEGMENT_HEADER, laureates.segment);
  if (laureates?.kind === "dynamic") requestHeaders.set(LAUREATES_SEGMENT_HEADER, LAUREATES_SEARCH_SEGMENT);
  // Every request hands over at least its id: the override costs some 0.1 ms (docs/performance.md).
  return withCsp(NextResponse.next({ request: { headers: requestHeaders } }));
}

/** 400 with the usual headers (next.config.ts adds the others), never cached. */
function badRequest(csp: string, requestId: string) {
  const response = new NextResponse("Adresse invalide : un caractère de l’adresse est mal encodé.", {
    status: 400,
    headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" },
  });
  response.headers.set("Content-Security-Policy", csp);
  if (hsts) response.headers.set("Strict-Transport-Security", hsts);
  response.headers.set(REQUEST_ID_HEADER, requestId);
  return response;
}

export const config = {
  // Every page and route handler (their request id; a `%` malformed in the path, which Next would answer with a
  // bare 500). Next's own files and the DSFR's static ones (public/favicon, public/artwork, and the /favicon.ico
  // browsers ask for by habit) need neither. Route handlers get their other headers from next.config.ts.
  matcher: ["/((?!_next/static|_next/image|favicon|artwork/).*)"],
};
