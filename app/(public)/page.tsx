import Link from "next/link";
import { connection } from "next/server";
import { CallCard } from "@/components/public/call-card";
import { KeyFigures } from "@/components/public/key-figures";
import { lastPublishedYearFigures, listOpenCalls } from "@/lib/public/calls";
import { laureateFiltersQuery } from "@/lib/public/laureate-filters";

export default async function HomePage() {
  await connection();
  const now = new Date();
  const [figures, openCalls] = await Promise.all([lastPublishedYearFigures(), listOpenCalls(now)]);

  return (
    <>
      <section className="border-b border-grey-200 bg-white">
        <div className="mx-auto max-w-6xl px-4 py-10 sm:py-14">
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
          laureatesHref={`/laureats${laureateFiltersQuery({ year: figures.year })}`}
        />
      )}

      <section aria-labelledby="appels-ouverts" className="mx-auto max-w-6xl px-4 py-10">
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
    </>
  );
}
