import "server-only";
import { asc, eq } from "drizzle-orm";
import type { Database } from "@/db/client";
import { regionalNetworks, userRoles, users } from "@/db/schema";

export async function listStaffRoles(db: Database) {
  return db
    .select({
      id: userRoles.id,
      userId: users.id,
      email: users.email,
      name: users.name,
      role: userRoles.role,
      networkName: regionalNetworks.name,
      grantedAt: userRoles.grantedAt,
    })
    .from(userRoles)
    .innerJoin(users, eq(users.id, userRoles.userId))
    .leftJoin(regionalNetworks, eq(regionalNetworks.id, userRoles.networkId))
    .orderBy(asc(userRoles.role), asc(users.email));
}

export async function listNetworks(db: Database) {
  return db
    .select({ id: regionalNetworks.id, name: regionalNetworks.name, regionCode: regionalNetworks.regionCode })
    .from(regionalNetworks)
    .orderBy(asc(regionalNetworks.name));
}
