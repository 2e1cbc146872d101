import "server-only";
import { and, asc, eq, inArray, sql } from "drizzle-orm";
import type { Database } from "@/db/client";
import { applications, organisations, reviewerAssignments, reviews, userRoles, users } from "@/db/schema";
import { REVIEWABLE_STATUSES } from "@/lib/applications/lifecycle";
import { staffMaySeeApplication } from "@/lib/applications/staff-visibility";
import type { AssignmentInput } from "./round-robin";

export type AssignmentBoard = {
  applications: {
    id: string;
    title: string;
    receiptNumber: string | null;
    status: (typeof applications.status.enumValues)[number];
    leadName: string;
    leadDepartementCode: string | null;
    assignments: {
      id: string;
      reviewerId: string;
      reviewerName: string;
      conflict: boolean;
      conflictReason: string | null;
      reviewStatus: "draft" | "submitted" | null;
    }[];
  }[];
  reviewers: { id: string; name: string; email: string; departementCode: string | null }[];
};

/** Reviewers (staff with the reviewer role), with the département they are attached to, if any. */
export async function listReviewers(db: Pick<Database, "select">) {
  const rows = await db
    .select({
      id: users.id,
      name: users.name,
      email: users.email,
      departementCode: sql<string | null>`max(${userRoles.departementCode})`,
    })
    .from(userRoles)
    .innerJoin(users, eq(users.id, userRoles.userId))
    .where(eq(userRoles.role, "reviewer"))
    .groupBy(users.id, users.name, users.email)
    .orderBy(asc(users.name), asc(users.email));
  return rows.map((r) => ({ ...r, name: r.name ?? r.email }));
}

/** Everything the assignment page shows and the round-robin needs, for one call. */
export async function loadAssignmentBoard(
  db: Pick<Database, "select">,
  callId: string,
): Promise<AssignmentBoard> {
  const [apps, reviewers] = await Promise.all([
    db
      .select({
        id: applications.id,
        title: applications.title,
        receiptNumber: applications.receiptNumber,
        status: applications.status,
        leadName: organisations.name,
        leadDepartementCode: organisations.departementCode,
      })
      .from(applications)
      .innerJoin(organisations, eq(organisations.id, applications.leadOrganisationId))
      .where(
        and(
          eq(applications.callId, callId),
          staffMaySeeApplication,
          // Applications that still take reviewers: not decided, not withdrawn.
          inArray(applications.status, [...REVIEWABLE_STATUSES]),
          // A decided application takes no more reviewers, whatever its status says.
          sql`not exists (select 1 from decisions d where d.application_id = ${applications.id})`,
        ),
      )
      .orderBy(asc(applications.receiptNumber), asc(applications.id)),
    listReviewers(db),
  ]);
  const ids = apps.map((a) => a.id);
  const assignmentRows =
    ids.length === 0
      ? []
      : await db
          .select({
            id: reviewerAssignments.id,
            applicationId: reviewerAssignments.applicationId,
            reviewerId: reviewerAssignments.reviewerId,
            reviewerName: sql<string>`coalesce(${users.name}, ${users.email})`,
            conflictDeclaredAt: reviewerAssignments.conflictDeclaredAt,
            conflictReason: reviewerAssignments.conflictReason,
            reviewStatus: reviews.status,
          })
          .from(reviewerAssignments)
          .innerJoin(users, eq(users.id, reviewerAssignments.reviewerId))
          .leftJoin(
            reviews,
            and(
              eq(reviews.applicationId, reviewerAssignments.applicationId),
              eq(reviews.reviewerId, reviewerAssignments.reviewerId),
            ),
          )
          .where(inArray(reviewerAssignments.applicationId, ids))
          .orderBy(asc(reviewerAssignments.assignedAt));
  return {
    applications: apps.map((a) => ({
      ...a,
      assignments: assignmentRows
        .filter((r) => r.applicationId === a.id)
        .map((r) => ({
          id: r.id,
          reviewerId: r.reviewerId,
          reviewerName: r.reviewerName,
          conflict: r.conflictDeclaredAt !== null,
          conflictReason: r.conflictReason,
          reviewStatus: r.reviewStatus,
        })),
    })),
    reviewers,
  };
}

/** The round-robin's input from the board. */
export function assignmentInput(
  board: AssignmentBoard,
  perApplication: number,
  sameDepartementRule: boolean,
): AssignmentInput {
  return {
    applications: board.applications.map((a) => ({ id: a.id, leadDepartementCode: a.leadDepartementCode })),
    reviewers: board.reviewers.map((r) => ({ id: r.id, departementCode: r.departementCode })),
    existing: board.applications.flatMap((a) =>
      a.assignments.map((x) => ({ applicationId: a.id, reviewerId: x.reviewerId, conflict: x.conflict })),
    ),
    perApplication,
    sameDepartementRule,
  };
}
