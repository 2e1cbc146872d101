import type { Metadata } from "next";
import Link from "next/link";
import { NewIssueForm } from "@/components/followup/forms";
import { Badge } from "@/components/ui/badge";
import { Breadcrumb } from "@/components/ui/breadcrumb";
import { PageContainer } from "@/components/ui/page-container";
import { getDb } from "@/db/client";
import { allowOrForbid, requireUser } from "@/lib/auth/guards";
import { canAccessNetworkSpace } from "@/lib/authz/policy";
import { networkIssues } from "@/lib/followup/queries";
import { ISSUE_STATUS_LABELS } from "@/lib/followup/rules";
import { formatDate } from "@/lib/format";
import { getNetworkById } from "@/lib/networks/queries";

export const metadata: Metadata = { title: "Numéros d’actualités" };

/** The news issues of the user's networks: list and creation. */
export default async function NetworkIssuesPage() {
  const user = await requireUser("/reseau/actualites");
  allowOrForbid(canAccessNetworkSpace(user));
  const db = getDb();
  const networks = await Promise.all(
    user.networks.map(async (n) => ({
      network: await getNetworkById(db, n.networkId),
      issues: await networkIssues(db, n.networkId),
    })),
  );
  return (
    <PageContainer>
      <Breadcrumb items={[{ href: "/reseau", label: "Espace réseau" }, { label: "Numéros d’actualités" }]} />
      <h1 className="text-3xl">Numéros d’actualités</h1>
      <p className="mt-2 max-w-3xl text-grey-800">
        Un numéro réunit plusieurs articles, sur des projets ou généraux, publiés ensemble et repris dans le
        flux Atom du réseau.
      </p>
      {networks.map(({ network, issues }) =>
        network ? (
          <section key={network.id} aria-labelledby={`numeros-${network.slug}`} className="mt-10">
            <h2 id={`numeros-${network.slug}`} className="text-2xl">
              {network.name}
            </h2>
            {issues.length === 0 ? (
              <p className="mt-3">Aucun numéro pour le moment.</p>
            ) : (
              <ul className="mt-3 divide-y divide-grey-200 border-y border-grey-200">
                {issues.map((i) => (
                  <li key={i.id} className="flex flex-wrap items-center gap-3 py-3">
                    <Link href={`/reseau/actualites/${i.id}`} className="font-semibold">
                      N°&nbsp;{i.number} — {i.title}
                    </Link>
                    <Badge tone={i.status === "published" ? "success" : "neutral"}>
                      {ISSUE_STATUS_LABELS[i.status]}
                    </Badge>
                    <span className="text-sm text-grey-600">
                      {formatDate(new Date(`${i.issueDate}T12:00:00Z`))} · {i.posts} article
                      {i.posts > 1 ? "s" : ""}
                    </span>
                  </li>
                ))}
              </ul>
            )}
            <div className="mt-6 max-w-3xl border border-grey-200 p-5">
              <h3 className="mb-4 text-xl">Nouveau numéro</h3>
              <NewIssueForm networkId={network.id} suggestedTitle={`${network.name} — actualités`} />
            </div>
          </section>
        ) : null,
      )}
    </PageContainer>
  );
}
