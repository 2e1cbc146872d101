import type { Metadata } from "next";
import Link from "next/link";
import type { ReactNode } from "react";
import { BarChart } from "@/components/public/bar-chart";
import { CountryTable } from "@/components/public/country-table";
import { Breadcrumb } from "@/components/ui/breadcrumb";
import { DataTable } from "@/components/ui/data-table";
import { PageContainer } from "@/components/ui/page-container";
import { formatCount, formatCountOf, formatMoneyCents, formatPercent, rate } from "@/lib/format";
import { publicCached } from "@/lib/public/cache";
import { laureateFiltersQuery } from "@/lib/public/laureate-filters";
import { publicStatistics } from "@/lib/public/statistics";

// Served from Next's cache (ISR), invalidated by invalidatePublicContent(); see docs/development.md.
export const revalidate = 300;

export const metadata: Metadata = {
  title: "Statistiques",
  description:
    "Dossiers déposés, projets lauréats et taux de sélection des appels à projets de coopération décentralisée, par année, par appel, par région, par département et par pays partenaire.",
  alternates: { canonical: "/statistiques" },
  openGraph: { title: "Statistiques des appels à projets", url: "/statistiques" },
};

const cachedStatistics = publicCached(publicStatistics, "statistics");

function percent(accepted: number, submitted: number) {
  const r = rate(accepted, submitted);
  return r === null ? "—" : formatPercent(r);
}

const RATE_COLUMNS = [
  { label: "Dossiers déposés", numeric: true },
  { label: "Lauréats", numeric: true },
  { label: "Taux de sélection", numeric: true },
];

/** The submitted, accepted and rate cells of a row. */
const rateCells = (
  row: { submitted: number; accepted: number },
  accepted: ReactNode = formatCount(row.accepted),
) => [formatCount(row.submitted), accepted, percent(row.accepted, row.submitted)];

export default async function StatisticsPage() {
  const stats = await cachedStatistics();
  const latest = stats.years[0];

  return (
    <PageContainer>
      <Breadcrumb items={[{ href: "/", label: "Accueil" }, { label: "Statistiques" }]} />
      <h1 className="text-3xl">Statistiques</h1>
      <p className="mt-3 max-w-3xl text-lg text-grey-800">
        Les chiffres des appels à projets dont les résultats sont publiés, calculés à partir des dossiers.
        Chaque graphique est suivi du tableau de ses données. Les appels en cours d’instruction ne sont pas
        comptés.
      </p>

      {!latest && <p className="mt-8">Aucun résultat n’a encore été publié.</p>}

      {latest && (
        <>
          <section aria-labelledby="par-annee" className="mt-10 break-inside-avoid">
            <h2 id="par-annee" className="text-2xl">
              Par année
            </h2>
            <figure className="mt-4">
              <BarChart
                summary={`Dossiers déposés et lauréats par année. ${stats.years
                  .map(
                    (y) =>
                      `${y.year}\u00a0: ${formatCountOf(y.submitted, "déposé", "déposés")}, ${formatCountOf(y.accepted, "lauréat", "lauréats")}`,
                  )
                  .join("\u00a0; ")}.`}
                rows={stats.years.map((y) => ({
                  label: String(y.year),
                  submitted: y.submitted,
                  accepted: y.accepted,
                }))}
              />
              <figcaption className="sr-only">Dossiers déposés et lauréats par année</figcaption>
            </figure>
            <DataTable
              caption="Dossiers déposés, lauréats et taux de sélection par année"
              rowHeaderWeight="font-semibold"
              columns={[
                { label: "Année" },
                { label: "Appels", numeric: true },
                ...RATE_COLUMNS,
                { label: "Montant accordé", numeric: true },
              ]}
              rows={stats.years.map((y) => ({
                key: y.year,
                header: <Link href={`/laureats${laureateFiltersQuery({ year: y.year })}`}>{y.year}</Link>,
                cells: [formatCount(y.calls), ...rateCells(y), formatMoneyCents(y.grantedCents)],
              }))}
            />
          </section>

          <section aria-labelledby="par-appel" className="mt-12">
            <h2 id="par-appel" className="text-2xl">
              Par appel à projets
            </h2>
            <DataTable
              caption="Dossiers déposés, lauréats et taux de sélection par appel à projets"
              width="max-w-none"
              columns={[{ label: "Appel à projets" }, { label: "Année", numeric: true }, ...RATE_COLUMNS]}
              rows={stats.calls.map((c) => ({
                key: c.slug,
                header: <Link href={`/appels/${c.slug}`}>{c.title}</Link>,
                cells: [
                  c.year,
                  ...rateCells(
                    c,
                    <Link href={`/laureats${laureateFiltersQuery({ call: c.slug })}`}>
                      {formatCount(c.accepted)}
                      <span className="sr-only"> lauréats de «&nbsp;{c.title}&nbsp;»</span>
                    </Link>,
                  ),
                ],
              }))}
            />
          </section>

          <section aria-labelledby="par-region" className="mt-12 break-inside-avoid">
            <h2 id="par-region" className="text-2xl">
              Par région de la collectivité chef de file
            </h2>
            <p className="mt-2 text-grey-800">
              Chaque projet compte une fois, dans la région de son chef de file. Le nom d’une région mène à
              ses projets lauréats, y compris ceux où l’une de ses collectivités est co-demandeuse.
            </p>
            <figure className="mt-4">
              <BarChart
                summary={`Dossiers déposés et lauréats par région du chef de file, toutes années publiées. ${stats.regions
                  .map(
                    (r) =>
                      `${r.name}\u00a0: ${formatCountOf(r.submitted, "déposé", "déposés")}, ${formatCountOf(r.accepted, "lauréat", "lauréats")}`,
                  )
                  .join("\u00a0; ")}.`}
                rows={stats.regions.map((r) => ({
                  label: r.name,
                  submitted: r.submitted,
                  accepted: r.accepted,
                }))}
              />
              <figcaption className="sr-only">Dossiers déposés et lauréats par région</figcaption>
            </figure>
            <DataTable
              caption="Dossiers déposés et lauréats par région (toutes années publiées)"
              columns={[{ label: "Région" }, ...RATE_COLUMNS]}
              rows={stats.regions.map((r) => ({
                key: r.code,
                header: <Link href={`/laureats${laureateFiltersQuery({ region: r.code })}`}>{r.name}</Link>,
                cells: rateCells(r),
              }))}
            />
          </section>

          <section aria-labelledby="par-departement" className="mt-12">
            <h2 id="par-departement" className="text-2xl">
              Par département de la collectivité chef de file
            </h2>
            <p className="mt-2 text-grey-800">
              Même règle&nbsp;: le chef de file compte ici, le nom d’un département mène à tous ses projets
              lauréats, co-demandeurs compris.
            </p>
            <DataTable
              caption="Dossiers déposés et lauréats par département (toutes années publiées)"
              columns={[{ label: "Département" }, ...RATE_COLUMNS]}
              rows={stats.departements.map((d) => ({
                key: d.code,
                header: (
                  <Link href={`/laureats${laureateFiltersQuery({ departement: d.code })}`}>
                    {d.name} ({d.code})
                  </Link>
                ),
                cells: rateCells(d),
              }))}
            />
          </section>

          <section aria-labelledby="par-pays" className="mt-12">
            <h2 id="par-pays" className="text-2xl">
              Par pays partenaire
            </h2>
            <p className="mt-2 text-grey-800">
              Un projet compte une fois par pays de ses partenaires étrangers. Voir aussi la{" "}
              <Link href="/carte">carte des partenariats</Link>.
            </p>
            <CountryTable
              caption="Projets lauréats et collectivités partenaires par pays (toutes années publiées)"
              countries={stats.countries}
            />
          </section>
        </>
      )}
    </PageContainer>
  );
}
