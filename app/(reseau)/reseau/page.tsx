import type { Metadata } from "next";
import Link from "next/link";
import { DataTable } from "@/components/ui/data-table";
import { PageContainer } from "@/components/ui/page-container";
import { getDb } from "@/db/client";
import { allowOrForbid, requireUser } from "@/lib/auth/guards";
import { canAccessNetworkSpace } from "@/lib/authz/policy";
import { formatCount, formatMoneyCents } from "@/lib/format";
import { getNetworkById, regionLaureates, regionYearCounts } from "@/lib/networks/queries";

export const metadata: Metadata = { title: "Espace réseau" };

const plural = (n: number, one: string, many: string) => `${formatCount(n)} ${n > 1 ? many : one}`;

/**
 * The network space: for each network the user edits, the published laureates
 * of its région (lead or co-applicant there) across years, with counts computed
 * from the rows, and a way into each project's follow-up.
 */
export default async function NetworkHomePage() {
  const user = await requireUser("/reseau");
  allowOrForbid(canAccessNetworkSpace(user));
  const db = getDb();
  const networks = await Promise.all(
    user.networks.map(async (n) => {
      const [network, counts, laureates] = await Promise.all([
        getNetworkById(db, n.networkId),
        regionYearCounts(db, n.regionCode),
        regionLaureates(db, n.regionCode),
      ]);
      return { network, counts, laureates };
    }),
  );

  return (
    <PageContainer>
      <h1 className="text-3xl font-bold">Espace réseau</h1>
      <p className="mt-2 max-w-3xl text-grey-800">
        Les projets lauréats publiés dont le chef de file ou un co-demandeur est dans la région de votre
        réseau. Rédigez leur suivi, leurs étapes, et les numéros de vos actualités.
      </p>
      {networks.map(({ network, counts, laureates }) => {
        if (!network) return null;
        const years = counts.filter((c) => c.year !== null);
        const total = counts.find((c) => c.year === null);
        return (
          <section key={network.id} aria-labelledby={`reseau-${network.slug}`} className="mt-10">
            <h2 id={`reseau-${network.slug}`} className="text-2xl">
              {network.name}
            </h2>
            <p className="mt-2 flex flex-wrap gap-x-6 gap-y-2">
              <Link href="/reseau/actualites">Numéros d’actualités</Link>
              <Link href={`/reseaux/${network.slug}`}>Page publique du réseau</Link>
            </p>
            {years.length === 0 ? (
              <p className="mt-4">Aucun projet lauréat publié dans la région pour le moment.</p>
            ) : (
              <>
                <DataTable
                  className="mt-6"
                  width="max-w-3xl"
                  caption="Lauréats de la région par année"
                  columns={[
                    { label: "Année" },
                    { label: "Projets lauréats", numeric: true },
                    { label: "Collectivités territoriales françaises", numeric: true },
                  ]}
                  rows={years.map((c) => ({
                    key: c.year ?? "",
                    testId: `annee-${c.year}`,
                    header: c.year,
                    cells: [formatCount(c.projects), formatCount(c.localAuthorities)],
                  }))}
                  footer={
                    total && years.length > 1
                      ? [
                          {
                            key: "total",
                            header: "Toutes années",
                            cells: [formatCount(total.projects), formatCount(total.localAuthorities)],
                          },
                        ]
                      : []
                  }
                />
                <p className="mt-2 text-sm text-grey-600">
                  Collectivités distinctes chefs de file ou co-demandeurs&nbsp;; {network.name}, s’il porte un
                  projet, n’est pas une collectivité territoriale.
                </p>
              </>
            )}
            {years.map((c) => (
              <section key={c.year} aria-labelledby={`projets-${network.slug}-${c.year}`} className="mt-8">
                <h3 id={`projets-${network.slug}-${c.year}`} className="text-xl">
                  {c.year} · {plural(c.projects, "projet", "projets")},{" "}
                  {plural(c.localAuthorities, "collectivité", "collectivités")}
                </h3>
                <ul className="mt-3 divide-y divide-grey-200 border-y border-grey-200">
                  {laureates
                    .filter((l) => l.year === c.year)
                    .map((l) => (
                      <li key={l.id} className="py-3">
                        <Link href={`/reseau/projets/${l.id}`} className="font-semibold">
                          {l.title}
                        </Link>
                        <span className="block text-sm text-grey-600">
                          {l.leadName}
                          {l.onBehalfOf ? ` pour ${l.onBehalfOf}` : ""} ·{" "}
                          {formatMoneyCents(l.grantedAmountCents)} ·{" "}
                          {plural(l.publishedPosts, "page publiée", "pages publiées")} ·{" "}
                          {plural(l.milestones, "étape", "étapes")}
                        </span>
                      </li>
                    ))}
                </ul>
              </section>
            ))}
          </section>
        );
      })}
    </PageContainer>
  );
}
