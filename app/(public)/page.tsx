import type { Metadata } from "next";
import Link from "next/link";
import { CallCard } from "@/components/public/call-card";
import { KeyFigures } from "@/components/public/key-figures";
import { formatDate } from "@/lib/format";
import { publicCached } from "@/lib/public/cache";
import { lastPublishedYearFigures, listOpenCalls } from "@/lib/public/calls";
import { latestFollowupNews } from "@/lib/public/followup-news";
import { laureateFiltersQuery } from "@/lib/public/laureate-filters";
import { laureateReach } from "@/lib/public/statistics";

// Served from Next's cache (ISR), invalidated by invalidatePublicContent(); at most a minute
// late on what depends on the clock (a call opening or closing), see docs/development.md.
export const revalidate = 60;

export const metadata: Metadata = {
  alternates: { canonical: "/" },
  openGraph: { title: "Coopération décentralisée — Appels à projets", url: "/" },
};

const cachedFigures = publicCached(lastPublishedYearFigures, "last-published-year-figures");
const cachedReach = publicCached(laureateReach, "laureate-reach");

export default async function HomePage() {
  const now = new Date();
  const [figures, openCalls, news] = await Promise.all([
    cachedFigures(),
    listOpenCalls(now),
    latestFollowupNews(3),
  ]);
  const reach = figures ? await cachedReach(figures.year) : null;

  return (
    <>
      <section className="border-b border-grey-200 bg-white">
        <div className="fr-container py-10 sm:py-14">
          <h1 className="max-w-3xl text-3xl sm:text-4xl">
            Soutenir la coopération internationale des collectivités territoriales
          </h1>
          <p className="mt-4 max-w-3xl text-lg text-grey-800">
            Chaque année, le ministère de l’Europe et des Affaires étrangères, par sa délégation pour les
            collectivités territoriales et la société civile (DCTCIV), lance des appels à projets pour
            cofinancer les partenariats entre collectivités françaises et autorités locales étrangères.
            Déposez votre dossier en ligne et découvrez les projets soutenus.
          </p>
          <div className="mt-6 flex flex-wrap gap-4">
            <Link
              href="/appels"
              className="bg-blue-france px-5 py-3 font-semibold text-white no-underline hover:bg-blue-france-hover"
            >
              Voir les appels à projets
            </Link>
            <Link
              href="/laureats"
              className="border border-blue-france px-5 py-3 font-semibold text-blue-france no-underline hover:bg-blue-france-50"
            >
              Découvrir les lauréats
            </Link>
          </div>
        </div>
      </section>

      {figures && (
        <KeyFigures
          figures={figures}
          reach={reach}
          laureatesHref={`/laureats${laureateFiltersQuery({ year: figures.year })}`}
        />
      )}

      <section aria-labelledby="appels-ouverts" className="fr-container py-10">
        <h2 id="appels-ouverts" className="text-2xl">
          Appels à projets ouverts
        </h2>
        {openCalls.length === 0 ? (
          <p className="mt-4 text-grey-800">
            Aucun appel à projets n’est ouvert en ce moment.{" "}
            <Link href="/appels">Consulter le calendrier des appels</Link>.
          </p>
        ) : (
          <ul className="mt-6 grid gap-6 md:grid-cols-2">
            {openCalls.map((call) => (
              <li key={call.id}>
                <CallCard call={call} />
              </li>
            ))}
          </ul>
        )}
        <p className="mt-6">
          <Link href="/appels">Tous les appels à projets</Link>
        </p>
      </section>

      <section aria-labelledby="actualites" className="fr-container pb-10">
        <h2 id="actualites" className="text-2xl">
          Actualités du suivi des projets
        </h2>
        {news.length === 0 ? (
          <p className="mt-4 text-grey-800">
            Les réseaux régionaux publieront ici l’avancement des projets lauréats. En attendant, consultez
            les <Link href="/laureats">projets lauréats</Link>, les{" "}
            <Link href="/statistiques">statistiques</Link> et la{" "}
            <Link href="/carte">carte des partenariats</Link>.
          </p>
        ) : (
          <ul className="mt-4 space-y-3">
            {news.map((item) => (
              <li key={item.id}>
                <Link href={item.href} className="font-semibold">
                  {item.title}
                </Link>{" "}
                <span className="text-sm text-grey-600">
                  {item.networkName}, {formatDate(new Date(item.publishedAt))}
                </span>
              </li>
            ))}
          </ul>
        )}
      </section>
    </>
  );
}
