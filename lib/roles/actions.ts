"use server";

import { eq } from "drizzle-orm";
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { getDb } from "@/db/client";
import { regionalNetworks, userRoles, users } from "@/db/schema";
import { permit, refuse, runAction } from "@/lib/actions/pipeline";
import { recordAudit } from "@/lib/audit";
import { canManageRoles, canRevokeRole } from "@/lib/authz/policy";
import { type ActionResult, fail, ok } from "@/lib/result";
import { grantRoleSchema, revokeRoleSchema } from "./schema";

const FORBIDDEN = "Seuls les administrateurs peuvent gérer les rôles.";
const INVALID = "Le formulaire contient une erreur.";

/** An admin grants a staff role; the account is created if the person never signed in. */
export async function grantRole(_prev: ActionResult | null, formData: FormData): Promise<ActionResult> {
  return runAction(formData, {
    name: "grantRole",
    access: (user) => permit(canManageRoles(user), FORBIDDEN),
    input: { schema: grantRoleSchema, read: ["email", "role", "networkId"] },
    run: async ({ user, input }) => {
      const { email, role } = input;
      const networkId = role === "network_editor" ? (input.networkId ?? null) : null;
      const db = getDb();
      if (networkId) {
        const [network] = await db
          .select({ id: regionalNetworks.id })
          .from(regionalNetworks)
          .where(eq(regionalNetworks.id, networkId));
        if (!network) return fail("invalid", INVALID, { networkId: ["Réseau introuvable."] });
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
      if (!granted) return fail("invalid", INVALID, { email: ["Cette personne a déjà ce rôle."] });
      return ok(undefined);
    },
    revalidate: () => ["/admin/utilisateurs"],
  });
}

/** An admin revokes a staff role; it takes effect on the person's next request. */
export async function revokeRole(_prev: ActionResult | null, formData: FormData): Promise<ActionResult> {
  return runAction(formData, {
    name: "revokeRole",
    key: { schema: revokeRoleSchema, fields: ["roleId"], notFound: "Rôle introuvable." },
    access: async (user, { roleId }) => {
      const [role] = await getDb().select().from(userRoles).where(eq(userRoles.id, roleId));
      if (!role) refuse.notFound("Ce rôle a déjà été retiré.");
      permit(
        canRevokeRole(user, role.userId, role.role),
        role.userId === user.id
          ? "Vous ne pouvez pas retirer votre propre rôle d’administrateur."
          : FORBIDDEN,
      );
      return role;
    },
    run: async ({ user, resource: role }) => {
      await getDb().transaction(async (tx) => {
        await tx.delete(userRoles).where(eq(userRoles.id, role.id));
        await recordAudit(tx, {
          actorId: user.id,
          action: "role.revoked",
          subjectType: "user",
          subjectId: role.userId,
          data: { role: role.role, networkId: role.networkId },
        });
      });
      // Revalidated here: the redirect below ends the action before the pipeline's `revalidate` step.
      revalidatePath("/admin/utilisateurs");
      // The row (and its button) is gone: the page itself says what happened, and the grant form starts afresh.
      redirect(`/admin/utilisateurs?retire=${role.role}`);
    },
  });
}
