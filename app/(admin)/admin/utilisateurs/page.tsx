import type { Metadata } from "next";
import Link from "next/link";
import { ActionButton } from "@/components/form/action-button";
import { secondaryButtonClass } from "@/components/form/field";
import { GrantRoleForm } from "@/components/roles/grant-role-form";
import { Alert } from "@/components/ui/alert";
import { DataTable } from "@/components/ui/data-table";
import { PageContainer } from "@/components/ui/page-container";
import { getDb } from "@/db/client";
import { allowOrForbid, requireUser } from "@/lib/auth/guards";
import { canManageRoles, canRevokeRole } from "@/lib/authz/policy";
import { formatDate } from "@/lib/format";
import { confirmMembership } from "@/lib/memberships/actions";
import { pendingWithoutManager } from "@/lib/memberships/queries";
import { revokeRole } from "@/lib/roles/actions";
import { listNetworks, listStaffRoles } from "@/lib/roles/queries";
import { ROLE_LABELS } from "@/lib/roles/schema";

export const metadata: Metadata = { title: "Comptes et rôles" };

export default async function AdminUsersPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const user = await requireUser("/admin/utilisateurs");
  allowOrForbid(canManageRoles(user));
  const db = getDb();
  const [roles, networks, pending] = await Promise.all([
    listStaffRoles(db),
    listNetworks(db),
    pendingWithoutManager(db),
  ]);
  const retired = (await searchParams).retire;
  const retiredRole = typeof retired === "string" && retired in ROLE_LABELS ? retired : null;
  return (
    <PageContainer>
      <h1 className="text-3xl font-bold">Comptes et rôles</h1>
      {retiredRole ? (
        <Alert tone="success" className="mt-4">
          Rôle {ROLE_LABELS[retiredRole as keyof typeof ROLE_LABELS]} retiré.
        </Alert>
      ) : null}

      <section aria-labelledby="roles-title" className="mt-8">
        <h2 id="roles-title" className="text-2xl font-bold">
          Rôles attribués
        </h2>
        <DataTable
          caption="Rôles attribués aux agents de la DCTCIV et des réseaux"
          captionHidden
          width="max-w-none"
          columns={[{ label: "Personne" }, { label: "Rôle" }, { label: "Depuis le" }, { label: "Action" }]}
          rows={roles.map((role) => ({
            key: role.id,
            header: (
              <>
                {role.name ?? role.email}
                <br />
                <span className="text-grey-600">{role.email}</span>
                <br />
                <Link href={`/admin/journal?compte=${role.userId}`}>
                  Historique<span className="sr-only"> de {role.email}</span>
                </Link>
              </>
            ),
            cells: [
              `${ROLE_LABELS[role.role]}${role.networkName ? ` — ${role.networkName}` : ""}`,
              formatDate(role.grantedAt),
              canRevokeRole(user, role.userId, role.role) ? (
                <ActionButton
                  key="revoke"
                  action={revokeRole}
                  values={{ roleId: role.id }}
                  label="Retirer"
                  accessibleLabel={`Retirer le rôle ${ROLE_LABELS[role.role]} de ${role.email}`}
                  className={secondaryButtonClass}
                />
              ) : (
                <span key="none" className="text-grey-600">
                  —
                </span>
              ),
            ],
          }))}
        />
      </section>

      <section aria-labelledby="grant-title" className="mt-10 border border-grey-200 p-6">
        <h2 id="grant-title" className="text-xl font-bold">
          Attribuer un rôle
        </h2>
        <GrantRoleForm key={retiredRole ?? "grant"} networks={networks} />
      </section>

      <section aria-labelledby="pending-title" className="mt-10">
        <h2 id="pending-title" className="text-2xl font-bold">
          Rattachements en attente sans gestionnaire
        </h2>
        {pending.length === 0 ? (
          <p className="mt-2">Aucune demande en attente.</p>
        ) : (
          <ul className="mt-4 flex flex-col gap-2">
            {pending.map((p) => (
              <li
                key={p.id}
                className="flex flex-wrap items-center justify-between gap-3 border border-grey-200 p-3"
              >
                <span>
                  {p.name ?? p.email} ({p.email}) demande à rejoindre <strong>{p.organisationName}</strong>
                </span>
                <ActionButton
                  action={confirmMembership}
                  values={{ membershipId: p.id }}
                  label="Confirmer"
                  accessibleLabel={`Confirmer ${p.email} pour ${p.organisationName}`}
                  className={secondaryButtonClass}
                />
              </li>
            ))}
          </ul>
        )}
      </section>
    </PageContainer>
  );
}
