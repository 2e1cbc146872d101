import Link from "next/link";
import { MapLegend } from "@/components/public/map-legend";
import { DataTable } from "@/components/ui/data-table";
import { formatCount } from "@/lib/format";
import { FRANCE_METROPOLE, FRANCE_OUTRE_MER, type RegionShape } from "@/lib/public/france-map";
import { laureateFiltersQuery } from "@/lib/public/laureate-filters";
import type { RegionMapRow } from "@/lib/public/statistics";
import { mapClass } from "@/lib/public/world-map";

const projectsLabel = (n: number) => (n > 1 ? `${formatCount(n)} projets` : `${formatCount(n)} projet`);

/** Layout of the drawing: a column of overseas insets on the left, metropolitan France on the right. */
const INSET_WIDTH = 220;
const INSET_HEIGHT = 200;
const [MX, MY, MW, MH] = FRANCE_METROPOLE.viewBox;
const WIDTH = INSET_WIDTH + 20 + MW;
const HEIGHT = Math.max(MH, INSET_HEIGHT * FRANCE_OUTRE_MER.length);
const EMPTY_FILL = "#f6f6f6";

function Count({ x, y, projects }: { x: number; y: number; projects: number }) {
  return (
    <>
      <circle cx={x} cy={y} r={24} fill="#ffffff" stroke="#161616" strokeWidth={1.5} />
      <text x={x} y={y + 9} textAnchor="middle" fontSize={26} fontWeight={700} fill="#161616">
        {projects}
      </text>
    </>
  );
}

/** A région: a link to its laureates when it has some (its count written on it), a grey shape otherwise. */
function Region({
  shape,
  projects,
  children,
}: {
  shape: RegionShape;
  projects: number;
  children: (fill: string, stroke: string) => React.ReactNode;
}) {
  const shade = mapClass(projects);
  if (!shade) return <g aria-hidden="true">{children(EMPTY_FILL, "#929292")}</g>;
  const label = `${shape.name}\u00a0: ${projectsLabel(projects)}`;
  return (
    <a
      href={`/laureats${laureateFiltersQuery({ region: shape.code })}`}
      aria-label={label}
      className="map-region"
    >
      <title>{label}</title>
      {children(shade.fill, "#161616")}
    </a>
  );
}

/**
 * The French régions shaded by their number of laureate projects (lead or
 * co-applicant in the région, the rule of the région filter of /laureats),
 * each région with projects a keyboard-reachable link to that list, its count
 * written on it; a table gives the same figures. Server-rendered SVG.
 */
export function FranceRegionsMap({ figures }: { figures: RegionMapRow[] }) {
  const byCode = new Map(figures.map((f) => [f.code, f.projects]));
  const count = (code: string) => byCode.get(code) ?? 0;
  const all = [...FRANCE_METROPOLE.regions, ...FRANCE_OUTRE_MER];
  const withProjects = all.filter((r) => count(r.code) > 0).length;
  // The table has every région of the map and every one the figures know (an overseas
  // collectivity without a shape on the map still has its row).
  const onMap = new Set(all.map((r) => r.code));
  const rows = [...all, ...figures.filter((f) => !onMap.has(f.code))].sort((a, b) =>
    a.name.localeCompare(b.name, "fr"),
  );

  return (
    <section aria-labelledby="carte-regions" className="mt-12 break-before-page">
      <h2 id="carte-regions" className="text-2xl">
        Régions françaises
      </h2>
      <p className="mt-2 max-w-3xl text-grey-800">
        Les régions des collectivités françaises des projets lauréats publiés (chef de file ou co-demandeur),
        toutes années confondues. Chaque région concernée porte son nombre de projets et mène à leur liste. Le{" "}
        <a href="#tableau-regions">tableau des régions</a> donne les mêmes informations.
      </p>
      <figure className="mt-4">
        <MapLegend label="Légende de la carte des régions" />
        <svg
          viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
          className="mx-auto h-auto w-full max-w-3xl border border-grey-200 bg-[#f5f5fe] print:max-w-[16cm]"
          role="group"
          aria-label={`Carte des régions françaises\u00a0: ${withProjects} régions avec des projets lauréats`}
        >
          {FRANCE_OUTRE_MER.map((shape, index) => {
            const [vx, vy, vw, vh] = shape.viewBox;
            const box = { x: 10, y: index * INSET_HEIGHT + 40, w: INSET_WIDTH - 20, h: INSET_HEIGHT - 60 };
            const s = Math.min(box.w / vw, box.h / vh);
            const ox = box.x + (box.w - vw * s) / 2 - vx * s;
            const oy = box.y + (box.h - vh * s) / 2 - vy * s;
            const projects = count(shape.code);
            return (
              <g key={shape.code}>
                <rect
                  aria-hidden="true"
                  x={4}
                  y={index * INSET_HEIGHT + 4}
                  width={INSET_WIDTH - 8}
                  height={INSET_HEIGHT - 8}
                  fill="#ffffff"
                  stroke="#cecece"
                />
                <text
                  aria-hidden="true"
                  x={INSET_WIDTH / 2}
                  y={index * INSET_HEIGHT + 30}
                  textAnchor="middle"
                  fontSize={22}
                  fill="#161616"
                >
                  {shape.name}
                </text>
                <Region shape={shape} projects={projects}>
                  {(fill, stroke) => (
                    <>
                      <path
                        d={shape.d}
                        transform={`translate(${ox} ${oy}) scale(${s})`}
                        fill={fill}
                        stroke={stroke}
                        strokeWidth={1.2}
                        vectorEffect="non-scaling-stroke"
                      />
                      {projects > 0 && (
                        <Count x={ox + shape.label[0] * s} y={oy + shape.label[1] * s} projects={projects} />
                      )}
                    </>
                  )}
                </Region>
              </g>
            );
          })}
          <g transform={`translate(${INSET_WIDTH + 20 - MX} ${-MY})`}>
            {FRANCE_METROPOLE.regions.map((shape) => {
              const projects = count(shape.code);
              return (
                <Region key={shape.code} shape={shape} projects={projects}>
                  {(fill, stroke) => (
                    <>
                      <path d={shape.d} fill={fill} stroke={stroke} strokeWidth={1.5} />
                      {projects > 0 && <Count x={shape.label[0]} y={shape.label[1]} projects={projects} />}
                    </>
                  )}
                </Region>
              );
            })}
          </g>
        </svg>
        <figcaption className="mt-2 text-sm text-grey-600">
          Fond de carte des régions du Système de design de l’État (DSFR Chart, licence MIT)&nbsp;; régions
          d’outre-mer en encadrés. Le nombre inscrit sur une région est son nombre de projets lauréats.
        </figcaption>
      </figure>

      <DataTable
        id="tableau-regions"
        className="mt-6"
        width="max-w-3xl"
        caption="Projets lauréats par région (chef de file ou co-demandeur)"
        columns={[{ label: "Région" }, { label: "Projets lauréats", numeric: true }]}
        rows={rows.map((r) => ({
          key: r.code,
          header:
            count(r.code) > 0 ? (
              <Link href={`/laureats${laureateFiltersQuery({ region: r.code })}`}>{r.name}</Link>
            ) : (
              r.name
            ),
          cells: [formatCount(count(r.code))],
        }))}
      />
    </section>
  );
}
