import { and, eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import { memberships, regionalNetworks, userRoles, users } from "@/db/schema";
import type { Principal } from "@/lib/authz/principal";

/** Loads a user's roles and memberships from the database (never from the session token). */
export async function loadPrincipal(userId: string): Promise<Principal | null> {
  const db = getDb();
  const [user] = await db
    .select({ id: users.id, email: users.email, name: users.name })
    .from(users)
    .where(eq(users.id, userId));
  if (!user) return null;
  const [roles, networkRows, membershipRows] = await Promise.all([
    db.select({ role: userRoles.role }).from(userRoles).where(eq(userRoles.userId, userId)),
    db
      .select({
        networkId: regionalNetworks.id,
        slug: regionalNetworks.slug,
        regionCode: regionalNetworks.regionCode,
      })
      .from(userRoles)
      .innerJoin(regionalNetworks, eq(regionalNetworks.id, userRoles.networkId))
      .where(and(eq(userRoles.userId, userId), eq(userRoles.role, "network_editor"))),
    db
      .select({
        organisationId: memberships.organisationId,
        role: memberships.role,
        status: memberships.status,
      })
      .from(memberships)
      .where(eq(memberships.userId, userId)),
  ]);
  return {
    ...user,
    isAdmin: roles.some((r) => r.role === "admin"),
    isReviewer: roles.some((r) => r.role === "reviewer"),
    networks: networkRows,
    memberships: membershipRows,
  };
}
