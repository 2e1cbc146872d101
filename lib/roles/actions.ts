"use server";

import { eq } from "drizzle-orm";
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { getDb } from "@/db/client";
import { regionalNetworks, userRoles, users } from "@/db/schema";
import { recordAudit } from "@/lib/audit";
import { getCurrentUser } from "@/lib/auth/current-user";
import { canManageRoles, canRevokeRole } from "@/lib/authz/policy";
import { type ActionResult, fail, ok } from "@/lib/result";
import { grantRoleSchema, revokeRoleSchema } from "./schema";

const FORBIDDEN = "Seuls les administrateurs peuvent gérer les rôles.";

/** An admin grants a staff role; the account is created if the person never signed in. */
export async function grantRole(_prev: ActionResult | null, formData: FormData): Promise<ActionResult> {
  const user = await getCurrentUser();
  if (!user) return fail("unauthenticated", "Votre session a expiré\u00a0: reconnectez-vous.");
  const parsed = grantRoleSchema.safeParse({
    email: formData.get("email"),
    role: formData.get("role"),
    networkId: formData.get("networkId") ?? undefined,
  });
  if (!parsed.success) {
    return fail("invalid", "Le formulaire contient une erreur.", parsed.error.flatten().fieldErrors);
  }
  if (!canManageRoles(user)) return fail("forbidden", FORBIDDEN);
  const { email, role } = parsed.data;
  const networkId = role === "network_editor" ? (parsed.data.networkId ?? null) : null;
  const db = getDb();
  if (networkId) {
    const [network] = await db
      .select({ id: regionalNetworks.id })
      .from(regionalNetworks)
      .where(eq(regionalNetworks.id, networkId));
    if (!network)
      return fail("invalid", "Le formulaire contient une erreur.", { networkId: ["Réseau introuvable."] });
  }
  const granted = await db.transaction(async (tx) => {
    await tx.insert(users).values({ email }).onConflictDoNothing();
    const [target] = await tx.select({ id: users.id }).from(users).where(eq(users.email, email));
    if (!target) throw new Error("user not found after insert");
    const rows = await tx
      .insert(userRoles)
      .values({ userId: target.id, role, networkId, grantedBy: user.id })
      .onConflictDoNothing()
      .returning({ id: userRoles.id });
    if (!rows[0]) return false;
    await recordAudit(tx, {
      actorId: user.id,
      action: "role.granted",
      subjectType: "user",
      subjectId: target.id,
      data: { role, networkId, email },
    });
    return true;
  });
  if (!granted)
    return fail("invalid", "Le formulaire contient une erreur.", {
      email: ["Cette personne a déjà ce rôle."],
    });
  revalidatePath("/admin/utilisateurs");
  return ok(undefined);
}

/** An admin revokes a staff role; it takes effect on the person's next request. */
export async function revokeRole(_prev: ActionResult | null, formData: FormData): Promise<ActionResult> {
  const user = await getCurrentUser();
  if (!user) return fail("unauthenticated", "Votre session a expiré\u00a0: reconnectez-vous.");
  const parsed = revokeRoleSchema.safeParse({ roleId: formData.get("roleId") });
  if (!parsed.success) return fail("invalid", "Rôle introuvable.");
  const db = getDb();
  const [role] = await db.select().from(userRoles).where(eq(userRoles.id, parsed.data.roleId));
  if (!role) return fail("not_found", "Ce rôle a déjà été retiré.");
  if (!canRevokeRole(user, role.userId, role.role)) {
    return fail(
      "forbidden",
      role.userId === user.id ? "Vous ne pouvez pas retirer votre propre rôle d’administrateur." : FORBIDDEN,
    );
  }
  await db.transaction(async (tx) => {
    await tx.delete(userRoles).where(eq(userRoles.id, role.id));
    await recordAudit(tx, {
      actorId: user.id,
      action: "role.revoked",
      subjectType: "user",
      subjectId: role.userId,
      data: { role: role.role, networkId: role.networkId },
    });
  });
  revalidatePath("/admin/utilisateurs");
  // The row (and its button) is gone: the page itself says what happened, and the grant form starts afresh.
  redirect(`/admin/utilisateurs?retire=${role.role}`);
}
