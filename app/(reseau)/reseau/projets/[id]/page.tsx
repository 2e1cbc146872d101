import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { FeatureReportForm, MilestoneForm, NewPostForm } from "@/components/followup/forms";
import { MilestoneSummary } from "@/components/followup/milestone-list";
import { ActionButton } from "@/components/form/action-button";
import { secondaryButtonClass } from "@/components/form/field";
import { ReportsTable } from "@/components/grants/schedule";
import { DateTime } from "@/components/public/date-time";
import { Badge } from "@/components/ui/badge";
import { Breadcrumb } from "@/components/ui/breadcrumb";
import { PageContainer } from "@/components/ui/page-container";
import { getDb } from "@/db/client";
import { allowOrForbid, requireUser } from "@/lib/auth/guards";
import { staffPageTitle } from "@/lib/auth/staff-page-title";
import {
  canAccessNetworkSpace,
  canEditFollowup,
  canReadProgressReports,
  canViewGrant,
  followupNetworkFor,
} from "@/lib/authz/policy";
import { deleteMilestone } from "@/lib/followup/actions";
import { projectMilestones, projectPostsForNetwork, projectReports } from "@/lib/followup/queries";
import { effectivePostStatus, POST_STATUS_LABELS } from "@/lib/followup/rules";
import { reportLabel } from "@/lib/grants/labels";
import { loadGrant } from "@/lib/grants/queries";
import { findPublishedLaureate, projectRegionCodes } from "@/lib/networks/queries";
import { staffRecordTitle } from "@/lib/page-titles";
import { z } from "@/lib/zod";

type Props = { params: Promise<{ id: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { id } = await params;
  return {
    title: await staffPageTitle("Suivi d’un projet", async (user) => {
      if (!canAccessNetworkSpace(user)) return "forbidden";
      const parsed = z.guid().safeParse(id);
      if (!parsed.success) return "not-found";
      const db = getDb();
      const laureate = await findPublishedLaureate(db, parsed.data);
      if (!laureate) return "not-found";
      const regions = await projectRegionCodes(db, laureate.id);
      const network = followupNetworkFor(user, regions);
      if (network === null || !canEditFollowup(user, network.networkId, regions)) return "forbidden";
      return staffRecordTitle(laureate.title, "Suivi d’un projet");
    }),
  };
}

/** A laureate's follow-up in the network space: pages, milestones, progress reports. */
export default async function NetworkProjectPage({ params }: Props) {
  const { id } = await params;
  const user = await requireUser(`/reseau/projets/${id}`);
  allowOrForbid(canAccessNetworkSpace(user));
  const parsed = z.guid().safeParse(id);
  if (!parsed.success) notFound();
  const db = getDb();
  const laureate = await findPublishedLaureate(db, parsed.data);
  if (!laureate) notFound();
  const regions = await projectRegionCodes(db, laureate.id);
  const network = followupNetworkFor(user, regions);
  // An editor of another région is refused: the project is public, its follow-up is not theirs.
  allowOrForbid(network !== null && canEditFollowup(user, network.networkId, regions));
  const [posts, milestones, reports, grantFile] = await Promise.all([
    projectPostsForNetwork(db, laureate.id, network.networkId),
    projectMilestones(db, laureate.id),
    canReadProgressReports(user, regions) ? projectReports(db, laureate.id) : Promise.resolve([]),
    loadGrant(db, laureate.id),
  ]);
  const grant =
    grantFile &&
    canViewGrant(user, { leadOrganisationId: grantFile.leadOrganisationId, status: "accepted" }, regions)
      ? grantFile
      : null;
  const now = new Date();
  const own = milestones.filter((m) => m.networkId === network.networkId);

  return (
    <PageContainer>
      <Breadcrumb items={[{ href: "/reseau", label: "Espace réseau" }, { label: laureate.title }]} />
      <p className="text-grey-600">
        Projet lauréat {laureate.year} · {laureate.leadName}
      </p>
      <h1 className="mt-2 text-3xl">{laureate.title}</h1>
      <p className="mt-2">
        {/* Not prefetched: a copy fetched when the page opened would show the public page as it was before
            the editor's changes made here. */}
        <Link href={`/laureats/${laureate.id}`} prefetch={false}>
          Voir la page publique du projet
        </Link>
      </p>

      <section aria-labelledby="pages" className="mt-10">
        <h2 id="pages" className="text-2xl">
          Pages de suivi
        </h2>
        {posts.length === 0 ? (
          <p className="mt-3">Aucune page pour le moment.</p>
        ) : (
          <ul className="mt-3 divide-y divide-grey-200 border-y border-grey-200">
            {posts.map((p) => (
              <li key={p.id} className="flex flex-wrap items-center gap-3 py-3">
                <Link href={`/reseau/pages/${p.id}`} className="font-semibold">
                  {p.title}
                </Link>
                <Badge tone={effectivePostStatus(p, now) === "published" ? "success" : "neutral"}>
                  {POST_STATUS_LABELS[effectivePostStatus(p, now)]}
                </Badge>
                {p.issueNumber !== null && (
                  <span className="text-sm text-grey-600">Numéro {p.issueNumber}</span>
                )}
              </li>
            ))}
          </ul>
        )}
        <div className="mt-6 max-w-xl">
          <NewPostForm applicationId={laureate.id} />
        </div>
      </section>

      <section aria-labelledby="etapes" className="mt-12">
        <h2 id="etapes" className="text-2xl">
          Étapes
        </h2>
        {milestones.length === 0 ? (
          <p className="mt-3">Aucune étape pour le moment.</p>
        ) : (
          <MilestoneSummary milestones={milestones} headingId="etapes" />
        )}
        {own.length > 0 && (
          <details className="mt-6">
            <summary className="cursor-pointer font-semibold text-blue-france">Modifier les étapes</summary>
            <ul className="mt-4 space-y-6">
              {own.map((m) => (
                <li key={m.id} className="border border-grey-200 p-4">
                  <MilestoneForm values={m} />
                  <div className="mt-3">
                    <ActionButton
                      action={deleteMilestone}
                      values={{ milestoneId: m.id }}
                      label="Supprimer l’étape"
                      accessibleLabel={`Supprimer l’étape «\u00a0${m.label}\u00a0»`}
                      className={secondaryButtonClass}
                    />
                  </div>
                </li>
              ))}
            </ul>
          </details>
        )}
        <div className="mt-6 max-w-2xl border border-grey-200 p-5">
          <h3 className="mb-4 text-xl">Ajouter une étape</h3>
          <MilestoneForm applicationId={laureate.id} />
        </div>
      </section>

      <section aria-labelledby="rapports" className="mt-12">
        <h2 id="rapports" className="text-2xl">
          Rapports des porteurs
        </h2>
        <p className="mt-2 max-w-3xl text-grey-800">
          Les porteurs envoient les rapports que leur convention prévoit depuis leur espace, page{" "}
          <Link href="/espace/rapports">«&nbsp;Conventions et rapports&nbsp;»</Link> (lien à leur transmettre
          s’ils le cherchent)&nbsp;; la délégation les valide.
        </p>
        {grant ? (
          <ReportsTable file={grant} />
        ) : (
          <p className="mt-3">La convention n’est pas encore envoyée.</p>
        )}
        {reports.length === 0 ? (
          <p className="mt-3">Le porteur n’a pas encore envoyé de rapport.</p>
        ) : (
          <ul className="mt-3 space-y-6">
            {reports.map((r) => (
              <li key={r.id} className="border border-grey-200 p-4">
                <p className="font-semibold">
                  {reportLabel(r.kind, r.position)} — envoyé le <DateTime value={r.submittedAt} />
                  {r.submittedBy ? ` par ${r.submittedBy}` : ""}
                </p>
                <p className="mt-2 whitespace-pre-line">{r.body}</p>
                <FeatureReportForm reportId={r.id} excerpt={r.featuredExcerpt} />
              </li>
            ))}
          </ul>
        )}
      </section>
    </PageContainer>
  );
}
