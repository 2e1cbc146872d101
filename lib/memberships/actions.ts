"use server";

import { and, eq } from "drizzle-orm";
import { revalidatePath } from "next/cache";
import { getDb } from "@/db/client";
import { memberships, organisations, users } from "@/db/schema";
import { recordAudit } from "@/lib/audit";
import { getCurrentUser } from "@/lib/auth/current-user";
import { canAccessApplicantSpace, canManageOrganisation, canRemoveMember } from "@/lib/authz/policy";
import { enqueueEmail } from "@/lib/mail/outbox";
import { invitationEmail } from "@/lib/mail/templates";
import { absoluteUrl } from "@/lib/public/site-url";
import { type ActionResult, fail, ok } from "@/lib/result";
import { findMembership } from "./queries";
import { inviteMemberSchema, membershipIdSchema, requestMembershipSchema } from "./schema";

const NOT_SIGNED_IN = "Votre session a expiré\u00a0: reconnectez-vous.";
const FORBIDDEN = "Vous n’avez pas les droits pour cette action.";

function fieldErrors(error: { flatten: () => { fieldErrors: Record<string, string[] | undefined> } }) {
  return error.flatten().fieldErrors;
}

/**
 * A user asks to join an organisation chosen from the official list. The
 * request waits for a manager of that organisation, or an admin.
 */
export async function requestMembership(
  _prev: ActionResult | null,
  formData: FormData,
): Promise<ActionResult> {
  const user = await getCurrentUser();
  if (!user) return fail("unauthenticated", NOT_SIGNED_IN);
  const parsed = requestMembershipSchema.safeParse({ organisationId: formData.get("organisationId") });
  if (!parsed.success)
    return fail("invalid", "Le formulaire contient une erreur.", fieldErrors(parsed.error));
  if (!canAccessApplicantSpace(user)) return fail("forbidden", FORBIDDEN);
  const db = getDb();
  const [organisation] = await db
    .select({ id: organisations.id, name: organisations.name })
    .from(organisations)
    .where(eq(organisations.id, parsed.data.organisationId));
  if (!organisation) {
    return fail("invalid", "Le formulaire contient une erreur.", {
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
  revalidatePath("/espace");
  return ok(undefined);
}

/** A manager of the organisation (or an admin) confirms a pending request. */
export async function confirmMembership(
  _prev: ActionResult | null,
  formData: FormData,
): Promise<ActionResult> {
  const user = await getCurrentUser();
  if (!user) return fail("unauthenticated", NOT_SIGNED_IN);
  const parsed = membershipIdSchema.safeParse({ membershipId: formData.get("membershipId") });
  if (!parsed.success) return fail("invalid", "Membre introuvable.");
  const db = getDb();
  const membership = await findMembership(db, parsed.data.membershipId);
  if (!membership) return fail("not_found", "Membre introuvable.");
  if (!canManageOrganisation(user, membership.organisationId)) return fail("forbidden", FORBIDDEN);
  const confirmed = await db.transaction(async (tx) => {
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
  revalidatePath("/espace");
  revalidatePath("/admin/utilisateurs");
  return ok(undefined);
}

/**
 * A manager invites a colleague by e-mail: the account is created if needed,
 * the membership is active (the manager vouches), and an e-mail says so.
 */
export async function inviteMember(_prev: ActionResult | null, formData: FormData): Promise<ActionResult> {
  const user = await getCurrentUser();
  if (!user) return fail("unauthenticated", NOT_SIGNED_IN);
  const parsed = inviteMemberSchema.safeParse({
    organisationId: formData.get("organisationId"),
    email: formData.get("email"),
    role: formData.get("role") ?? undefined,
  });
  if (!parsed.success)
    return fail("invalid", "Le formulaire contient une erreur.", fieldErrors(parsed.error));
  const { organisationId, email, role } = parsed.data;
  if (!canManageOrganisation(user, organisationId)) return fail("forbidden", FORBIDDEN);
  const db = getDb();
  const [organisation] = await db
    .select({ id: organisations.id, name: organisations.name })
    .from(organisations)
    .where(eq(organisations.id, organisationId));
  if (!organisation) return fail("not_found", "Organisation introuvable.");
  const result = await db.transaction(async (tx) => {
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
    return fail("invalid", "Le formulaire contient une erreur.", {
      email: ["Cette personne est déjà membre de l’organisation."],
    });
  }
  revalidatePath("/espace");
  return ok(undefined);
}

/** A manager (or an admin) removes a member; a manager cannot remove themselves. */
export async function removeMember(_prev: ActionResult | null, formData: FormData): Promise<ActionResult> {
  const user = await getCurrentUser();
  if (!user) return fail("unauthenticated", NOT_SIGNED_IN);
  const parsed = membershipIdSchema.safeParse({ membershipId: formData.get("membershipId") });
  if (!parsed.success) return fail("invalid", "Membre introuvable.");
  const db = getDb();
  const membership = await findMembership(db, parsed.data.membershipId);
  if (!membership) return fail("not_found", "Membre introuvable.");
  if (!canRemoveMember(user, membership.organisationId, membership.userId))
    return fail("forbidden", FORBIDDEN);
  await db.transaction(async (tx) => {
    await tx.delete(memberships).where(eq(memberships.id, membership.id));
    await recordAudit(tx, {
      actorId: user.id,
      action: "membership.removed",
      subjectType: "membership",
      subjectId: membership.id,
      data: { organisationId: membership.organisationId, userId: membership.userId },
    });
  });
  revalidatePath("/espace");
  return ok(undefined);
}
