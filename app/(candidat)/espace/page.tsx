import type { Metadata } from "next";
import Link from "next/link";
import { TodoList } from "@/components/applications/todo-list";
import { ActionButton } from "@/components/form/action-button";
import { Field, inputClass, secondaryButtonClass } from "@/components/form/field";
import { InviteForm } from "@/components/memberships/invite-form";
import { RequestMembershipForm } from "@/components/memberships/request-form";
import { DataTable } from "@/components/ui/data-table";
import { PageContainer } from "@/components/ui/page-container";
import { getDb } from "@/db/client";
import { todoFor } from "@/lib/applications/todo-queries";
import { allowOrForbid, requireUser } from "@/lib/auth/guards";
import {
  applicantOrganisationIds,
  canAccessApplicantSpace,
  canManageOrganisation,
  canRemoveMember,
} from "@/lib/authz/policy";
import { confirmMembership, removeMember } from "@/lib/memberships/actions";
import { membershipsOfUser, membersOf } from "@/lib/memberships/queries";
import { laureatesLedBy } from "@/lib/networks/queries";
import { searchOrganisations } from "@/lib/organisations/search";

export const metadata: Metadata = { title: "Mon espace" };

const KIND_LABELS = {
  commune: "Commune",
  epci: "Intercommunalité",
  departement: "Département",
  region: "Région",
  other: "Organisme",
} as const;

const STATUS_LABELS = { active: "Actif", pending: "En attente de confirmation" } as const;
const ROLE_LABELS = { manager: "Gestionnaire", member: "Membre" } as const;

export default async function ApplicantHomePage({ searchParams }: { searchParams: Promise<{ q?: string }> }) {
  const user = await requireUser("/espace");
  allowOrForbid(canAccessApplicantSpace(user));
  const db = getDb();
  const { q } = await searchParams;
  const query = typeof q === "string" ? q.slice(0, 100) : "";
  const mine = await membershipsOfUser(db, user.id);
  const managed = mine.filter((m) => canManageOrganisation(user, m.organisationId));
  const members = await membersOf(
    db,
    managed.map((m) => m.organisationId),
  );
  const results = query ? await searchOrganisations(db, query) : [];
  const laureates = await laureatesLedBy(
    db,
    mine.filter((m) => m.status === "active").map((m) => m.organisationId),
  );
  const todo = await todoFor(db, applicantOrganisationIds(user));

  return (
    <PageContainer>
      <h1 className="text-3xl font-bold">Mon espace</h1>
      <p className="mt-2 text-grey-800">Connecté en tant que {user.name ?? user.email}.</p>
      <TodoList items={todo} />
      <p className="mt-4">
        <Link href="/espace/dossiers" className="font-medium">
          Mes dossiers de candidature
        </Link>
        {laureates.length > 0 ? (
          <>
            {" · "}
            <Link href="/espace/rapports" className="font-medium">
              Conventions et rapports de mes projets lauréats
            </Link>
          </>
        ) : null}
      </p>

      <section aria-labelledby="orgs-title" className="mt-8">
        <h2 id="orgs-title" className="text-2xl font-bold">
          Mes organisations
        </h2>
        {mine.length === 0 ? (
          <p className="mt-2">Vous n’êtes rattaché à aucune organisation pour l’instant.</p>
        ) : (
          <ul className="mt-4 flex flex-col gap-2">
            {mine.map((m) => (
              <li key={m.id} className="border border-grey-200 p-4">
                <p className="font-medium">{m.organisationName}</p>
                <p className="text-sm text-grey-800">
                  {KIND_LABELS[m.organisationKind]} · {ROLE_LABELS[m.role]} · {STATUS_LABELS[m.status]}
                </p>
              </li>
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="join-title" className="mt-10 border border-grey-200 p-6">
        <h2 id="join-title" className="text-xl font-bold">
          Me rattacher à une collectivité
        </h2>
        <p className="mt-2 text-sm text-grey-800">
          Recherchez dans la liste officielle des collectivités (nom, code postal, code INSEE ou SIREN). Votre
          demande sera confirmée par un gestionnaire de l’organisation ou par la DCTCIV.
        </p>
        <form method="get" className="mt-4 flex flex-wrap items-end gap-3">
          <div className="min-w-64 flex-1">
            <Field id="q" label="Collectivité">
              {(aria) => (
                <input type="search" name="q" defaultValue={query} className={inputClass} {...aria} />
              )}
            </Field>
          </div>
          <button type="submit" className={secondaryButtonClass}>
            Rechercher
          </button>
        </form>
        {query && results.length === 0 ? (
          <p className="mt-4">Aucune collectivité ne correspond à «&nbsp;{query}&nbsp;».</p>
        ) : null}
        {results.length > 0 ? (
          <RequestMembershipForm
            options={results.map((r) => ({
              id: r.id,
              label: `${r.name} — ${KIND_LABELS[r.kind]}${r.departementCode ? ` (${r.departementCode})` : ""}${
                r.inseeCode ? `, INSEE ${r.inseeCode}` : ""
              }${r.siren ? `, SIREN ${r.siren}` : ""}`,
            }))}
          />
        ) : null}
      </section>

      {managed.map((organisation) => {
        const list = members.filter((m) => m.organisationId === organisation.organisationId);
        return (
          <section
            key={organisation.organisationId}
            aria-labelledby={`members-${organisation.organisationId}`}
            className="mt-10"
          >
            <h2 id={`members-${organisation.organisationId}`} className="text-2xl font-bold">
              Membres de {organisation.organisationName}
            </h2>
            <DataTable
              caption={`Membres de ${organisation.organisationName}`}
              captionHidden
              width="max-w-none"
              columns={[{ label: "Personne" }, { label: "Rôle" }, { label: "Statut" }, { label: "Actions" }]}
              rows={list.map((member) => ({
                key: member.id,
                header: (
                  <>
                    {member.name ?? member.email}
                    <br />
                    <span className="text-grey-600">{member.email}</span>
                  </>
                ),
                cells: [
                  ROLE_LABELS[member.role],
                  STATUS_LABELS[member.status],
                  <div key="actions" className="flex flex-wrap gap-2">
                    {member.status === "pending" ? (
                      <ActionButton
                        action={confirmMembership}
                        values={{ membershipId: member.id }}
                        label="Confirmer"
                        accessibleLabel={`Confirmer ${member.email}`}
                        className={secondaryButtonClass}
                      />
                    ) : null}
                    {canRemoveMember(user, member.organisationId, member.userId) ? (
                      <ActionButton
                        action={removeMember}
                        values={{ membershipId: member.id }}
                        label="Retirer"
                        accessibleLabel={`Retirer ${member.email}`}
                        className={secondaryButtonClass}
                      />
                    ) : null}
                  </div>,
                ],
              }))}
            />
            <InviteForm organisationId={organisation.organisationId} />
          </section>
        );
      })}
    </PageContainer>
  );
}
