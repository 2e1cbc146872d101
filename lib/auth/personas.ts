import "server-only";
import { asc, eq, isNotNull } from "drizzle-orm";
import { getDb } from "@/db/client";
import { memberships, organisations, regionalNetworks, userRoles, users } from "@/db/schema";

export type PersonaCard = { key: string; name: string; email: string; description: string; home: string };

/**
 * Demo personas, read from the rows (users with a persona key), each described
 * by its roles and memberships, with the page it lands on after sign-in.
 */
export async function listPersonas(): Promise<PersonaCard[]> {
  const db = getDb();
  const people = await db
    .select({ id: users.id, key: users.personaKey, name: users.name, email: users.email })
    .from(users)
    .where(isNotNull(users.personaKey))
    .orderBy(asc(users.personaKey));
  const roles = await db
    .select({ userId: userRoles.userId, role: userRoles.role, network: regionalNetworks.name })
    .from(userRoles)
    .leftJoin(regionalNetworks, eq(regionalNetworks.id, userRoles.networkId));
  const orgs = await db
    .select({ userId: memberships.userId, name: organisations.name, status: memberships.status })
    .from(memberships)
    .innerJoin(organisations, eq(organisations.id, memberships.organisationId));
  return people.map((person) => {
    const mine = roles.filter((r) => r.userId === person.id);
    const parts: string[] = [];
    let home = "/espace";
    if (mine.some((r) => r.role === "admin")) {
      parts.push("Administrateur DCTCIV");
      home = "/admin";
    }
    if (mine.some((r) => r.role === "reviewer")) {
      parts.push("Instructeur DCTCIV");
      if (home === "/espace") home = "/instruction";
    }
    for (const r of mine.filter((r) => r.role === "network_editor")) {
      parts.push(`Éditeur du réseau ${r.network}`);
      if (home === "/espace") home = "/reseau";
    }
    for (const m of orgs.filter((o) => o.userId === person.id && o.status === "active")) {
      parts.push(`Agent de ${m.name}`);
    }
    return {
      key: person.key as string,
      name: person.name ?? person.email,
      email: person.email,
      description: parts.join(" · ") || "Sans rôle",
      home,
    };
  });
}
