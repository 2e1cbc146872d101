import "server-only";
import { sql } from "drizzle-orm";
import { getDb } from "@/db/client";
import { memberships, regionalNetworks, userRoles, users } from "@/db/schema";
import type { Principal } from "@/lib/authz/principal";

/**
 * Loads a user's roles and memberships from the database (never from the session token).
 * One query (roles, networks and memberships aggregated beside the user's row): it runs
 * on every signed-in request, where four round trips cost more server CPU than the
 * rows themselves (docs/performance.md).
 */
export async function loadPrincipal(userId: string): Promise<Principal | null> {
  // Plain SQL: drizzle writes a single-table select's columns unqualified, which the
  // correlated subqueries (also on tables with `id`, `role`, `user_id`) would misread.
  const [row] = (await getDb().execute(sql`
    select u.id, u.email, u.name,
      coalesce((select json_agg(r.role) from ${userRoles} r where r.user_id = u.id), '[]'::json) as roles,
      coalesce((select json_agg(json_build_object('networkId', n.id, 'slug', n.slug, 'regionCode', n.region_code))
        from ${userRoles} r join ${regionalNetworks} n on n.id = r.network_id
        where r.user_id = u.id and r.role = 'network_editor'), '[]'::json) as networks,
      coalesce((select json_agg(json_build_object('organisationId', m.organisation_id, 'role', m.role, 'status', m.status))
        from ${memberships} m where m.user_id = u.id), '[]'::json) as memberships
    from ${users} u where u.id = ${userId}`)) as unknown as {
    id: string;
    email: string;
    name: string | null;
    roles: string[];
    networks: Principal["networks"];
    memberships: Principal["memberships"];
  }[];
  if (!row) return null;
  return {
    id: row.id,
    email: row.email,
    name: row.name,
    isAdmin: row.roles.includes("admin"),
    isReviewer: row.roles.includes("reviewer"),
    networks: row.networks,
    memberships: row.memberships,
  };
}
