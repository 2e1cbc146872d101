import Link from "next/link";
import { formatCount, formatPercent, rate } from "@/lib/format";
import type { YearFigures } from "@/lib/public/calls";
import type { HomeReach } from "@/lib/public/statistics";

/** The figures of one year's published results, all computed from the rows. */
export function KeyFigures({
  figures,
  reach,
  laureatesHref,
}: {
  figures: YearFigures;
  reach?: HomeReach | null;
  laureatesHref: string;
}) {
  const acceptance = rate(figures.accepted, figures.submitted);
  const items = [
    { value: formatCount(figures.calls), label: figures.calls > 1 ? "appels à projets" : "appel à projets" },
    {
      value: formatCount(figures.submitted),
      label: figures.submitted > 1 ? "dossiers déposés" : "dossier déposé",
    },
    {
      value: formatCount(figures.accepted),
      label: figures.accepted > 1 ? "projets lauréats" : "projet lauréat",
    },
    { value: acceptance === null ? "—" : formatPercent(acceptance), label: "taux de sélection" },
    ...(reach
      ? [
          {
            value: formatCount(reach.localAuthorities),
            label:
              reach.localAuthorities > 1
                ? "collectivités françaises engagées"
                : "collectivité française engagée",
          },
          {
            value: formatCount(reach.countries),
            label: reach.countries > 1 ? "pays partenaires" : "pays partenaire",
          },
        ]
      : []),
  ];
  return (
    <section aria-labelledby="chiffres-titre" className="bg-blue-france-50 py-10">
      <div className="fr-container">
        <h2 id="chiffres-titre" className="text-2xl">
          Les résultats {figures.year} en chiffres
        </h2>
        <ul className="mt-6 grid grid-cols-2 gap-4 lg:grid-cols-3">
          {items.map((item) => (
            <li key={item.label} className="border-l-4 border-blue-france bg-white px-5 py-4">
              <span className="block text-3xl font-bold text-blue-france sm:text-4xl">{item.value}</span>
              <span className="mt-1 block text-grey-800">{item.label}</span>
            </li>
          ))}
        </ul>
        <p className="mt-6">
          <Link href={laureatesHref} className="font-semibold">
            Voir les {formatCount(figures.accepted)} projets lauréats {figures.year}
          </Link>
        </p>
        {figures.unpublishedCalls > 0 && (
          <p className="mt-4 text-sm text-grey-800">
            {figures.unpublishedCalls > 1
              ? `${figures.unpublishedCalls} appels de ${figures.year} dont les résultats ne sont pas encore publiés ne sont pas comptés.`
              : `Un appel de ${figures.year} dont les résultats ne sont pas encore publiés n’est pas compté.`}
          </p>
        )}
      </div>
    </section>
  );
}
