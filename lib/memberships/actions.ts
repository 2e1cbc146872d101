"use server";

import { and, eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import { memberships, organisations, users } from "@/db/schema";
import { permit, refuse, runAction } from "@/lib/actions/pipeline";
import { recordAudit } from "@/lib/audit";
import { canAccessApplicantSpace, canManageOrganisation, canRemoveMember } from "@/lib/authz/policy";
import { enqueueEmail } from "@/lib/mail/outbox";
import { invitationEmail } from "@/lib/mail/templates";
import { absoluteUrl } from "@/lib/public/site-url";
import { type ActionResult, fail, ok } from "@/lib/result";
import { findMembership } from "./queries";
import { inviteMemberSchema, membershipIdSchema, requestMembershipSchema } from "./schema";

const FORBIDDEN = "Vous n’avez pas les droits pour cette action.";
const MEMBER_GONE = "Membre introuvable.";
const ORGANISATION_GONE = "Organisation introuvable.";
const INVALID = "Le formulaire contient une erreur.";

/** The membership, if it still exists and the user may act on it (the predicate given). */
async function membershipFor(
  membershipId: string,
  allowed: (membership: { organisationId: number; userId: string }) => boolean,
) {
  const membership = await findMembership(getDb(), membershipId);
  if (!membership) refuse.notFound(MEMBER_GONE);
  permit(allowed(membership), FORBIDDEN);
  return membership;
}

/**
 * A user asks to join an organisation chosen from the official list. The
 * request waits for a manager of that organisation, or an admin.
 */
export async function requestMembership(
  _prev: ActionResult | null,
  formData: FormData,
): Promise<ActionResult> {
  return runAction(formData, {
    name: "requestMembership",
    access: (user) => permit(canAccessApplicantSpace(user), FORBIDDEN),
    // The organisation is a choice in the form, not a record the user acts on: a wrong one is a field error.
    input: { schema: requestMembershipSchema, read: ["organisationId"] },
    run: async ({ user, input }) => {
      const db = getDb();
      const [organisation] = await db
        .select({ id: organisations.id })
        .from(organisations)
        .where(eq(organisations.id, input.organisationId));
      if (!organisation) {
        return fail("invalid", INVALID, {
          organisationId: ["Cette collectivité n’existe pas dans la liste officielle."],
        });
      }
      await db.transaction(async (tx) => {
        const inserted = await tx
          .insert(memberships)
          .values({ userId: user.id, organisationId: organisation.id, role: "member", status: "pending" })
          .onConflictDoNothing()
          .returning({ id: memberships.id });
        if (inserted[0]) {
          await recordAudit(tx, {
            actorId: user.id,
            action: "membership.requested",
            subjectType: "membership",
            subjectId: inserted[0].id,
            data: { organisationId: organisation.id },
          });
        }
      });
      return ok(undefined);
    },
    revalidate: () => ["/espace"],
  });
}

/** A manager of the organisation (or an admin) confirms a pending request. */
export async function confirmMembership(
  _prev: ActionResult | null,
  formData: FormData,
): Promise<ActionResult> {
  return runAction(formData, {
    name: "confirmMembership",
    key: { schema: membershipIdSchema, fields: ["membershipId"], notFound: MEMBER_GONE },
    access: (user, { membershipId }) =>
      membershipFor(membershipId, (m) => canManageOrganisation(user, m.organisationId)),
    run: async ({ user, resource: membership }) => {
      const confirmed = await getDb().transaction(async (tx) => {
        const rows = await tx
          .update(memberships)
          .set({ status: "active", confirmedBy: user.id, confirmedAt: new Date() })
          .where(and(eq(memberships.id, membership.id), eq(memberships.status, "pending")))
          .returning({ id: memberships.id });
        if (rows.length === 0) return false;
        await recordAudit(tx, {
          actorId: user.id,
          action: "membership.confirmed",
          subjectType: "membership",
          subjectId: membership.id,
          data: { organisationId: membership.organisationId, userId: membership.userId },
        });
        return true;
      });
      if (!confirmed) return fail("conflict", "Cette demande a déjà été traitée.");
      return ok(undefined);
    },
    revalidate: () => ["/espace", "/admin/utilisateurs"],
  });
}

/**
 * A manager invites a colleague by e-mail: the account is created if needed,
 * the membership is active (the manager vouches), and an e-mail says so.
 */
export async function inviteMember(_prev: ActionResult | null, formData: FormData): Promise<ActionResult> {
  return runAction(formData, {
    name: "inviteMember",
    key: {
      schema: inviteMemberSchema.pick({ organisationId: true }),
      fields: ["organisationId"],
      notFound: ORGANISATION_GONE,
    },
    access: async (user, { organisationId }) => {
      // The policy first: it needs only the id, and the official list is public anyway.
      permit(canManageOrganisation(user, organisationId), FORBIDDEN);
      const [organisation] = await getDb()
        .select({ id: organisations.id, name: organisations.name })
        .from(organisations)
        .where(eq(organisations.id, organisationId));
      if (!organisation) refuse.notFound(ORGANISATION_GONE);
      return organisation;
    },
    input: { schema: inviteMemberSchema.pick({ email: true, role: true }), read: ["email", "role"] },
    run: async ({ user, resource: organisation, input: { email, role } }) => {
      const organisationId = organisation.id;
      const result = await getDb().transaction(async (tx) => {
        await tx.insert(users).values({ email }).onConflictDoNothing();
        const [invitee] = await tx.select({ id: users.id }).from(users).where(eq(users.email, email));
        if (!invitee) throw new Error("invitee not found after insert");
        const inserted = await tx
          .insert(memberships)
          .values({
            userId: invitee.id,
            organisationId,
            role,
            status: "active",
            invitedBy: user.id,
            confirmedBy: user.id,
            confirmedAt: new Date(),
          })
          .onConflictDoNothing()
          .returning({ id: memberships.id });
        if (!inserted[0]) return "already";
        const mail = invitationEmail({
          organisationName: organisation.name,
          inviterName: user.name ?? user.email,
          url: absoluteUrl("/connexion"),
        });
        await enqueueEmail(tx, { to: email, ...mail, template: "invitation" });
        await recordAudit(tx, {
          actorId: user.id,
          action: "membership.invited",
          subjectType: "membership",
          subjectId: inserted[0].id,
          data: { organisationId, email, role },
        });
        return "invited";
      });
      if (result === "already") {
        return fail("invalid", INVALID, { email: ["Cette personne est déjà membre de l’organisation."] });
      }
      return ok(undefined);
    },
    revalidate: () => ["/espace"],
  });
}

/** A manager (or an admin) removes a member; a manager cannot remove themselves. */
export async function removeMember(_prev: ActionResult | null, formData: FormData): Promise<ActionResult> {
  return runAction(formData, {
    name: "removeMember",
    key: { schema: membershipIdSchema, fields: ["membershipId"], notFound: MEMBER_GONE },
    access: (user, { membershipId }) =>
      membershipFor(membershipId, (m) => canRemoveMember(user, m.organisationId, m.userId)),
    run: async ({ user, resource: membership }) => {
      await getDb().transaction(async (tx) => {
        await tx.delete(memberships).where(eq(memberships.id, membership.id));
        await recordAudit(tx, {
          actorId: user.id,
          action: "membership.removed",
          subjectType: "membership",
          subjectId: membership.id,
          data: { organisationId: membership.organisationId, userId: membership.userId },
        });
      });
      return ok(undefined);
    },
    revalidate: () => ["/espace"],
  });
}
