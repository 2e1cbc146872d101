import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { NewPostForm } from "@/components/followup/forms";
import { ActionButton } from "@/components/form/action-button";
import { primaryButtonClass, secondaryButtonClass } from "@/components/form/field";
import { Badge } from "@/components/ui/badge";
import { Breadcrumb } from "@/components/ui/breadcrumb";
import { PageContainer } from "@/components/ui/page-container";
import { getDb } from "@/db/client";
import { allowOrForbid, requireUser } from "@/lib/auth/guards";
import { staffPageTitle } from "@/lib/auth/staff-page-title";
import { canAccessNetworkSpace, canEditNetworkContent } from "@/lib/authz/policy";
import { publishNewsIssue, unpublishNewsIssue } from "@/lib/followup/actions";
import { findIssue, issuePosts } from "@/lib/followup/queries";
import { ISSUE_STATUS_LABELS } from "@/lib/followup/rules";
import { formatDate } from "@/lib/format";
import { getNetworkById, regionLaureates } from "@/lib/networks/queries";
import { staffRecordTitle } from "@/lib/page-titles";
import { z } from "@/lib/zod";

type Props = { params: Promise<{ id: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { id } = await params;
  return {
    title: await staffPageTitle("Numéro d’actualités", async (user) => {
      if (!canAccessNetworkSpace(user)) return "forbidden";
      const parsed = z.guid().safeParse(id);
      if (!parsed.success) return "not-found";
      const issue = await findIssue(getDb(), parsed.data);
      if (!issue) return "not-found";
      if (!canEditNetworkContent(user, issue.networkId)) return "forbidden";
      return staffRecordTitle(`${issue.title} (n°\u00a0${issue.number})`, "Numéro d’actualités");
    }),
  };
}

/** One news issue: its articles, a new article (about a project of the région or general), publication. */
export default async function IssueEditPage({ params }: Props) {
  const { id } = await params;
  const user = await requireUser(`/reseau/actualites/${id}`);
  allowOrForbid(canAccessNetworkSpace(user));
  const parsed = z.guid().safeParse(id);
  if (!parsed.success) notFound();
  const db = getDb();
  const issue = await findIssue(db, parsed.data);
  if (!issue) notFound();
  allowOrForbid(canEditNetworkContent(user, issue.networkId));
  const network = await getNetworkById(db, issue.networkId);
  if (!network) notFound();
  const [posts, laureates] = await Promise.all([
    issuePosts(db, issue.id),
    regionLaureates(db, network.regionCode),
  ]);

  return (
    <PageContainer>
      <Breadcrumb
        items={[
          { href: "/reseau", label: "Espace réseau" },
          { href: "/reseau/actualites", label: "Numéros d’actualités" },
          { label: `Numéro ${issue.number}` },
        ]}
      />
      <h1 className="text-3xl">
        {network.name} n°&nbsp;{issue.number} — {issue.title}
      </h1>
      <p className="mt-2 flex flex-wrap items-center gap-3">
        <Badge tone={issue.status === "published" ? "success" : "neutral"}>
          {ISSUE_STATUS_LABELS[issue.status]}
        </Badge>
        <span>Daté du {formatDate(new Date(`${issue.issueDate}T12:00:00Z`))}</span>
        {issue.status === "published" && (
          <Link href={`/reseaux/${network.slug}/actualites/${issue.number}`}>Voir le numéro publié</Link>
        )}
      </p>

      <section aria-labelledby="articles" className="mt-10">
        <h2 id="articles" className="text-2xl">
          Articles du numéro
        </h2>
        {posts.length === 0 ? (
          <p className="mt-3">Aucun article pour le moment.</p>
        ) : (
          <ul className="mt-3 divide-y divide-grey-200 border-y border-grey-200">
            {posts.map((p) => (
              <li key={p.id} className="py-3">
                <Link href={`/reseau/pages/${p.id}`} className="font-semibold">
                  {p.title}
                </Link>
                <span className="block text-sm text-grey-600">
                  {p.projectTitle ? `Projet\u00a0: ${p.projectTitle}` : "Article général"}
                  {p.bodyMd.trim() ? "" : " · texte à rédiger"}
                </span>
              </li>
            ))}
          </ul>
        )}
        {issue.status !== "published" && (
          <div className="mt-6 max-w-xl border border-grey-200 p-5">
            <h3 className="mb-4 text-xl">Nouvel article</h3>
            <NewPostForm
              newsIssueId={issue.id}
              projects={laureates.map((l) => ({ id: l.id, label: `${l.year} — ${l.title}` }))}
            />
          </div>
        )}
      </section>

      <section aria-labelledby="publication" className="mt-12 max-w-2xl border border-grey-200 p-5">
        <h2 id="publication" className="text-xl">
          Publication
        </h2>
        <p className="mt-2">Publier le numéro publie tous ses articles en même temps.</p>
        <div className="mt-4">
          {issue.status === "published" ? (
            <ActionButton
              action={unpublishNewsIssue}
              values={{ issueId: issue.id }}
              label="Dépublier le numéro"
              className={secondaryButtonClass}
            />
          ) : (
            <ActionButton
              action={publishNewsIssue}
              values={{ issueId: issue.id }}
              label="Publier le numéro"
              className={primaryButtonClass}
            />
          )}
        </div>
      </section>
    </PageContainer>
  );
}
