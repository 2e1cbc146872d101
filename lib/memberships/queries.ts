import "server-only";
import { and, asc, eq, inArray } from "drizzle-orm";
import type { Database } from "@/db/client";
import { memberships, organisations, users } from "@/db/schema";

/** The user's memberships with their organisation's name. */
export async function membershipsOfUser(db: Database, userId: string) {
  return db
    .select({
      id: memberships.id,
      organisationId: memberships.organisationId,
      organisationName: organisations.name,
      organisationKind: organisations.kind,
      role: memberships.role,
      status: memberships.status,
    })
    .from(memberships)
    .innerJoin(organisations, eq(organisations.id, memberships.organisationId))
    .where(eq(memberships.userId, userId))
    .orderBy(asc(organisations.name));
}

/** Members (active and pending) of the given organisations. */
export async function membersOf(db: Database, organisationIds: number[]) {
  if (organisationIds.length === 0) return [];
  return db
    .select({
      id: memberships.id,
      organisationId: memberships.organisationId,
      userId: users.id,
      name: users.name,
      email: users.email,
      role: memberships.role,
      status: memberships.status,
    })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(inArray(memberships.organisationId, organisationIds))
    .orderBy(asc(memberships.status), asc(users.email));
}

export async function findMembership(db: Database, membershipId: string) {
  const [row] = await db.select().from(memberships).where(eq(memberships.id, membershipId));
  return row ?? null;
}

/** Pending requests to join organisations that have no active manager: only admins can confirm them. */
export async function pendingWithoutManager(db: Database) {
  const pending = await db
    .select({
      id: memberships.id,
      organisationId: memberships.organisationId,
      organisationName: organisations.name,
      email: users.email,
      name: users.name,
      createdAt: memberships.createdAt,
    })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .innerJoin(organisations, eq(organisations.id, memberships.organisationId))
    .where(eq(memberships.status, "pending"))
    .orderBy(asc(memberships.createdAt));
  if (pending.length === 0) return [];
  const managers = await db
    .select({ organisationId: memberships.organisationId })
    .from(memberships)
    .where(
      and(
        inArray(
          memberships.organisationId,
          pending.map((p) => p.organisationId),
        ),
        eq(memberships.status, "active"),
        eq(memberships.role, "manager"),
      ),
    );
  const managed = new Set(managers.map((m) => m.organisationId));
  return pending.filter((p) => !managed.has(p.organisationId));
}
