import type { Metadata } from "next";
import { CountryTable } from "@/components/public/country-table";
import { FranceRegionsMap } from "@/components/public/france-regions-map";
import { MapLegend } from "@/components/public/map-legend";
import { Breadcrumb } from "@/components/ui/breadcrumb";
import { PageContainer } from "@/components/ui/page-container";
import { countryName } from "@/lib/countries";
import { formatCount } from "@/lib/format";
import { publicCached } from "@/lib/public/cache";
import { placeLabels } from "@/lib/public/label-placement";
import { laureateFiltersQuery } from "@/lib/public/laureate-filters";
import { countryFigures, regionMapFigures } from "@/lib/public/statistics";
import { MAP_HEIGHT, MAP_WIDTH, mapClass, worldShapes } from "@/lib/public/world-map";

// Served from Next's cache (ISR), invalidated by invalidatePublicContent(); see docs/development.md.
export const revalidate = 300;

export const metadata: Metadata = {
  title: "Carte des partenariats",
  description:
    "Carte du monde des pays des collectivités partenaires des projets lauréats, avec le nombre de projets par pays et le lien vers leur liste.",
  alternates: { canonical: "/carte" },
  openGraph: { title: "Carte des partenariats", url: "/carte" },
};

const cachedCountries = publicCached(countryFigures, "country-figures");
const cachedRegions = publicCached(regionMapFigures, "region-map-figures");

/** The box of a country's number: its circle (radius 8) and outline. */
const LABEL_SIZE = 18;

const projectsLabel = (n: number) => (n > 1 ? `${formatCount(n)} projets` : `${formatCount(n)} projet`);

export default async function MapPage() {
  const [figures, regionFigures] = await Promise.all([cachedCountries(), cachedRegions()]);
  const byCode = new Map(figures.map((f) => [f.code, f]));
  const shapes = worldShapes();
  const onMap = new Set(shapes.map((s) => s.code));
  const missing = figures.filter((f) => !onMap.has(f.code));
  // Numbers never overlap: the countries with most projects keep their number on their centroid, the
  // others move to the nearest free spot with a leader line (Europe's small countries crowd together).
  const labels = new Map(
    placeLabels(
      shapes
        .flatMap((s) => {
          const f = s.code ? byCode.get(s.code) : undefined;
          return f && s.code
            ? [{ id: s.code, x: s.centroid[0], y: s.centroid[1], projects: f.projects }]
            : [];
        })
        .sort((a, b) => b.projects - a.projects || a.id.localeCompare(b.id)),
      LABEL_SIZE,
      { width: MAP_WIDTH, height: MAP_HEIGHT },
    ).map((l) => [l.id, l]),
  );

  return (
    <PageContainer>
      <Breadcrumb items={[{ href: "/", label: "Accueil" }, { label: "Carte des partenariats" }]} />
      <h1 className="text-3xl">Carte des partenariats</h1>
      <p className="mt-3 max-w-3xl text-lg text-grey-800">
        Les pays des collectivités partenaires des projets lauréats publiés, teintés selon le nombre de
        projets. Chaque pays concerné porte son nombre de projets et mène à la liste de ses projets. Le{" "}
        <a href="#tableau-pays">tableau des pays</a> donne les mêmes informations.
      </p>

      <figure className="mt-6">
        <MapLegend label="Légende" />
        <svg
          viewBox={`0 0 ${MAP_WIDTH} ${MAP_HEIGHT}`}
          className="h-auto w-full border border-grey-200 bg-[#f5f5fe]"
          role="group"
          aria-label={`Carte du monde\u00a0: ${figures.length} pays partenaires`}
        >
          {/* Countries without a project: one path (their paths start with an absolute move), not a link. */}
          <path
            aria-hidden="true"
            d={shapes
              .filter((s) => !s.code || !byCode.has(s.code))
              .map((s) => s.d)
              .join("")}
            fill="#f6f6f6"
            stroke="#cecece"
            strokeWidth={0.5}
          />
          {shapes.flatMap((s) => {
            const f = s.code ? byCode.get(s.code) : undefined;
            const shade = f ? mapClass(f.projects) : null;
            if (!f || !shade || !s.code) return [];
            const label = `${countryName(s.code)}\u00a0: ${projectsLabel(f.projects)}`;
            return [
              <a
                key={s.code}
                href={`/laureats${laureateFiltersQuery({ country: s.code })}`}
                aria-label={label}
                className="map-country"
              >
                <title>{label}</title>
                <path d={s.d} fill={shade.fill} stroke="#161616" strokeWidth={0.6} />
              </a>,
            ];
          })}
          {/* The numbers after every country, so that no country's shape covers a moved number; the links
              carry the same figures in their names. */}
          <g aria-hidden="true" pointerEvents="none">
            {[...labels.values()].map((placed) => (
              <g key={placed.id}>
                {placed.moved && (
                  <>
                    <line
                      x1={placed.x}
                      y1={placed.y}
                      x2={placed.labelX}
                      y2={placed.labelY}
                      stroke="#161616"
                      strokeWidth={0.6}
                    />
                    <circle cx={placed.x} cy={placed.y} r={1.5} fill="#161616" />
                  </>
                )}
                <circle
                  cx={placed.labelX}
                  cy={placed.labelY}
                  r={8}
                  fill="#ffffff"
                  stroke="#161616"
                  strokeWidth={0.8}
                />
                <text
                  x={placed.labelX}
                  y={placed.labelY + 3.5}
                  textAnchor="middle"
                  fontSize={10}
                  fontWeight={700}
                  fill="#161616"
                >
                  {placed.projects}
                </text>
              </g>
            ))}
          </g>
        </svg>
        <figcaption className="mt-2 text-sm text-grey-600">
          Fond de carte Natural Earth (domaine public), projection Equal Earth. Le nombre inscrit sur un pays
          est son nombre de projets lauréats.
        </figcaption>
      </figure>

      <section aria-labelledby="tableau-pays" className="mt-10">
        <h2 id="tableau-pays" className="text-2xl">
          Pays partenaires
        </h2>
        {missing.length > 0 && (
          <p className="mt-2 text-sm text-grey-800">
            Trop petits pour la carte&nbsp;: {missing.map((m) => countryName(m.code)).join(", ")}.
          </p>
        )}
        <CountryTable caption="Projets lauréats par pays partenaire" countries={figures} width="max-w-3xl" />
      </section>

      <FranceRegionsMap figures={regionFigures} />
    </PageContainer>
  );
}
