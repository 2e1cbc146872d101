import { readdirSync } from "node:fs";
import path from "node:path";

/**
 * Every route of the app, read from the app/ folder: pages (page.tsx) and
 * route handlers (route.ts), route groups "(x)" removed.
 */
export function discoverRoutes(appDir = path.join(process.cwd(), "app")) {
  const routes: { pattern: string; kind: "page" | "handler" }[] = [];
  for (const entry of readdirSync(appDir, { recursive: true }).map(String)) {
    const base = path.basename(entry);
    if (base !== "page.tsx" && base !== "route.ts") continue;
    const segments = path
      .dirname(entry)
      .split(path.sep)
      .filter((s) => s !== "." && !/^\(.*\)$/.test(s));
    routes.push({ pattern: `/${segments.join("/")}`, kind: base === "page.tsx" ? "page" : "handler" });
  }
  return routes.sort((a, b) => a.pattern.localeCompare(b.pattern));
}
