import "server-only";
import { eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import { appMeta } from "@/db/schema";

/** Whether the demo data is loaded: the interface then says so on every page. */
export async function isDemoDataLoaded() {
  const rows = await getDb().select({ key: appMeta.key }).from(appMeta).where(eq(appMeta.key, "demo_data"));
  return rows.length > 0;
}

export type DemoSetting = "on" | "off" | "embedded";
type Env = Record<string, string | undefined>;

/**
 * DEMO_MODE, the deployment's say on demo mode (one-click persona sign-in,
 * the public mailbox /dev/courriels): `true`, `false`, or `embedded` (on only
 * with the embedded PostgreSQL, what `npm start` sets by default). Unset, it is
 * off in production (`next start` runs with NODE_ENV=production) and on in
 * development and tests. A value it does not know is refused: a typo must not
 * switch demo mode on or off silently.
 */
export function demoModeSetting(env: Env = process.env): DemoSetting {
  const value = env.DEMO_MODE?.trim().toLowerCase() ?? "";
  if (value === "") return env.NODE_ENV === "production" ? "off" : "on";
  if (value === "true" || value === "1") return "on";
  if (value === "false" || value === "0") return "off";
  if (value === "embedded") return "embedded";
  throw new Error(`DEMO_MODE must be true, false or embedded (got « ${env.DEMO_MODE} »).`);
}

/**
 * Whether the deployment allows demo mode. The demo data alone never switches
 * it on: a production database that holds the demo flag (a restored demo
 * backup, a seed run by mistake) must not open one-click admin sign-in.
 * DATABASE_EMBEDDED is set by db/startup.ts when it started the embedded PostgreSQL.
 */
export function demoModeAllowed(env: Env = process.env) {
  const setting = demoModeSetting(env);
  if (setting === "embedded") return env.DATABASE_EMBEDDED === "true";
  return setting === "on";
}

/** Demo mode: allowed by the deployment (DEMO_MODE) and the demo data loaded. */
export async function isDemoMode() {
  return demoModeAllowed() && (await isDemoDataLoaded());
}
