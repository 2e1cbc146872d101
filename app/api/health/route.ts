import { sql } from "drizzle-orm";
import { getDb } from "@/db/client";

/** Liveness and database readiness, for load balancers and the test harness. Public on purpose. */
export async function GET() {
  try {
    await getDb().execute(sql`select 1`);
    return Response.json({ status: "ok" }, { headers: { "Cache-Control": "no-store" } });
  } catch {
    return Response.json(
      { status: "database unavailable" },
      { status: 503, headers: { "Cache-Control": "no-store" } },
    );
  }
}
