import { eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import { appMeta } from "@/db/schema";

/** Whether the demo data is loaded: the interface then says so on every page. */
export async function isDemoDataLoaded() {
  const rows = await getDb().select({ key: appMeta.key }).from(appMeta).where(eq(appMeta.key, "demo_data"));
  return rows.length > 0;
}
