import { type NextRequest, NextResponse } from "next/server";
import {
  LAUREATES_SEARCH_SEGMENT,
  LAUREATES_SEGMENT_HEADER,
  routeLaureatesList,
} from "@/lib/public/laureates-routing";
import {
  cspOptionsFromEnv,
  policyForRequest,
  sameHeaders,
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
  // Content-Security-Policy of every page: a fresh nonce, or the public pages' policy (lib/security/csp.ts).
  const { csp, requestHeaders } = policyForRequest(request.nextUrl.pathname, request.headers, cspOptions);
  const withCsp = (response: NextResponse) => {
    response.headers.set("Content-Security-Policy", csp);
    if (hsts) response.headers.set("Strict-Transport-Security", hsts);
    return response;
  };
  // The laureates list is served from the cache: /laureats as it is, one entry per canonical filter combination.
  const laureates = routeLaureatesList(request.nextUrl.pathname, request.nextUrl.searchParams, {
    clientNavigation: request.headers.get("rsc") === "1",
  });
  if (laureates?.kind === "redirect") return NextResponse.redirect(new URL(laureates.location, request.url));
  // Only the proxy names the segment; the rewrite itself is next.config.ts's (lib/public/laureates-routing.ts says why).
  requestHeaders.delete(LAUREATES_SEGMENT_HEADER);
  if (laureates?.kind === "rewrite") requestHeaders.set(LAUREATES_SEGMENT_HEADER, laureates.segment);
  if (laureates?.kind === "dynamic") requestHeaders.set(LAUREATES_SEGMENT_HEADER, LAUREATES_SEARCH_SEGMENT);
  // Most public requests (a plain /laureats among them): nothing to hand over, skip the override (~0.1 ms).
  if (sameHeaders(requestHeaders, request.headers)) return withCsp(NextResponse.next());
  return withCsp(NextResponse.next({ request: { headers: requestHeaders } }));
}

export const config = {
  // Every page; route handlers under /api and Next's files get their headers from next.config.ts.
  matcher: ["/((?!api/|_next/static|_next/image|favicon.ico).*)"],
};
