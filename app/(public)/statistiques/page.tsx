import type { Metadata } from "next";
import Link from "next/link";
import type { ReactNode } from "react";
import { BarChart } from "@/components/public/bar-chart";
import { Breadcrumb } from "@/components/ui/breadcrumb";
import { PageContainer } from "@/components/ui/page-container";
import { countryName } from "@/lib/countries";
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

const th = "border-b-2 border-grey-800 px-3 py-2 text-left font-semibold";
const thNum = "border-b-2 border-grey-800 px-3 py-2 text-right font-semibold";
const td = "border-b border-grey-200 px-3 py-2";
const tdNum = "border-b border-grey-200 px-3 py-2 text-right tabular-nums";

function percent(accepted: number, submitted: number) {
  const r = rate(accepted, submitted);
  return r === null ? "—" : formatPercent(r);
}

/** Submitted, accepted and selection rate per place (région, département), with its caption. */
function RateTable({
  caption,
  labelHeader,
  rows,
}: {
  caption: string;
  labelHeader: string;
  rows: { key: string; label: ReactNode; submitted: number; accepted: number }[];
}) {
  return (
    <div className="mt-4 overflow-x-auto">
      <table className="w-full max-w-4xl border-collapse text-sm">
        <caption className="mb-2 text-left font-semibold">{caption}</caption>
        <thead>
          <tr>
            <th scope="col" className={th}>
              {labelHeader}
            </th>
            <th scope="col" className={thNum}>
              Dossiers déposés
            </th>
            <th scope="col" className={thNum}>
              Lauréats
            </th>
            <th scope="col" className={thNum}>
              Taux de sélection
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.key}>
              <th scope="row" className={`${td} text-left font-normal`}>
                {row.label}
              </th>
              <td className={tdNum}>{formatCount(row.submitted)}</td>
              <td className={tdNum}>{formatCount(row.accepted)}</td>
              <td className={tdNum}>{percent(row.accepted, row.submitted)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

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
                      `${y.year} : ${formatCountOf(y.submitted, "déposé", "déposés")}, ${formatCountOf(y.accepted, "lauréat", "lauréats")}`,
                  )
                  .join(" ; ")}.`}
                rows={stats.years.map((y) => ({
                  label: String(y.year),
                  submitted: y.submitted,
                  accepted: y.accepted,
                }))}
              />
              <figcaption className="sr-only">Dossiers déposés et lauréats par année</figcaption>
            </figure>
            <div className="mt-4 overflow-x-auto">
              <table className="w-full max-w-4xl border-collapse text-sm">
                <caption className="mb-2 text-left font-semibold">
                  Dossiers déposés, lauréats et taux de sélection par année
                </caption>
                <thead>
                  <tr>
                    <th scope="col" className={th}>
                      Année
                    </th>
                    <th scope="col" className={thNum}>
                      Appels
                    </th>
                    <th scope="col" className={thNum}>
                      Dossiers déposés
                    </th>
                    <th scope="col" className={thNum}>
                      Lauréats
                    </th>
                    <th scope="col" className={thNum}>
                      Taux de sélection
                    </th>
                    <th scope="col" className={thNum}>
                      Montant accordé
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {stats.years.map((y) => (
                    <tr key={y.year}>
                      <th scope="row" className={`${td} text-left font-semibold`}>
                        <Link href={`/laureats${laureateFiltersQuery({ year: y.year })}`}>{y.year}</Link>
                      </th>
                      <td className={tdNum}>{formatCount(y.calls)}</td>
                      <td className={tdNum}>{formatCount(y.submitted)}</td>
                      <td className={tdNum}>{formatCount(y.accepted)}</td>
                      <td className={tdNum}>{percent(y.accepted, y.submitted)}</td>
                      <td className={tdNum}>{formatMoneyCents(y.grantedCents)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </section>

          <section aria-labelledby="par-appel" className="mt-12">
            <h2 id="par-appel" className="text-2xl">
              Par appel à projets
            </h2>
            <div className="mt-4 overflow-x-auto">
              <table className="w-full border-collapse text-sm">
                <caption className="mb-2 text-left font-semibold">
                  Dossiers déposés, lauréats et taux de sélection par appel à projets
                </caption>
                <thead>
                  <tr>
                    <th scope="col" className={th}>
                      Appel à projets
                    </th>
                    <th scope="col" className={thNum}>
                      Année
                    </th>
                    <th scope="col" className={thNum}>
                      Dossiers déposés
                    </th>
                    <th scope="col" className={thNum}>
                      Lauréats
                    </th>
                    <th scope="col" className={thNum}>
                      Taux de sélection
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {stats.calls.map((c) => (
                    <tr key={c.slug}>
                      <th scope="row" className={`${td} text-left font-normal`}>
                        <Link href={`/appels/${c.slug}`}>{c.title}</Link>
                      </th>
                      <td className={tdNum}>{c.year}</td>
                      <td className={tdNum}>{formatCount(c.submitted)}</td>
                      <td className={tdNum}>
                        <Link href={`/laureats${laureateFiltersQuery({ call: c.slug })}`}>
                          {formatCount(c.accepted)}
                          <span className="sr-only"> lauréats de « {c.title} »</span>
                        </Link>
                      </td>
                      <td className={tdNum}>{percent(c.accepted, c.submitted)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </section>

          <section aria-labelledby="par-region" className="mt-12 break-inside-avoid">
            <h2 id="par-region" className="text-2xl">
              Par région de la collectivité chef de file
            </h2>
            <figure className="mt-4">
              <BarChart
                summary={`Dossiers déposés et lauréats par région du chef de file, toutes années publiées. ${stats.regions
                  .map(
                    (r) =>
                      `${r.name} : ${formatCountOf(r.submitted, "déposé", "déposés")}, ${formatCountOf(r.accepted, "lauréat", "lauréats")}`,
                  )
                  .join(" ; ")}.`}
                rows={stats.regions.map((r) => ({
                  label: r.name,
                  submitted: r.submitted,
                  accepted: r.accepted,
                }))}
              />
              <figcaption className="sr-only">Dossiers déposés et lauréats par région</figcaption>
            </figure>
            <RateTable
              caption="Dossiers déposés et lauréats par région (toutes années publiées)"
              labelHeader="Région"
              rows={stats.regions.map((r) => ({
                key: r.code,
                label: <Link href={`/laureats${laureateFiltersQuery({ region: r.code })}`}>{r.name}</Link>,
                submitted: r.submitted,
                accepted: r.accepted,
              }))}
            />
          </section>

          <section aria-labelledby="par-departement" className="mt-12">
            <h2 id="par-departement" className="text-2xl">
              Par département de la collectivité chef de file
            </h2>
            <RateTable
              caption="Dossiers déposés et lauréats par département (toutes années publiées)"
              labelHeader="Département"
              rows={stats.departements.map((d) => ({
                key: d.code,
                label: `${d.name} (${d.code})`,
                submitted: d.submitted,
                accepted: d.accepted,
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
            <div className="mt-4 overflow-x-auto">
              <table className="w-full max-w-4xl border-collapse text-sm">
                <caption className="mb-2 text-left font-semibold">
                  Projets lauréats et collectivités partenaires par pays (toutes années publiées)
                </caption>
                <thead>
                  <tr>
                    <th scope="col" className={th}>
                      Pays
                    </th>
                    <th scope="col" className={thNum}>
                      Projets lauréats
                    </th>
                    <th scope="col" className={thNum}>
                      Collectivités partenaires
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {stats.countries.map((c) => (
                    <tr key={c.code}>
                      <th scope="row" className={`${td} text-left font-normal`}>
                        <Link href={`/laureats${laureateFiltersQuery({ country: c.code })}`}>
                          {countryName(c.code)}
                        </Link>
                      </th>
                      <td className={tdNum}>{formatCount(c.projects)}</td>
                      <td className={tdNum}>{formatCount(c.partners)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </section>
        </>
      )}
    </PageContainer>
  );
}
