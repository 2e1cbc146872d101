import { geoCentroid, geoEqualEarth, geoPath } from "d3-geo";
import type { Feature, Geometry } from "geojson";
import countries from "i18n-iso-countries";
import { feature } from "topojson-client";
import type { GeometryCollection, Topology } from "topojson-specification";
import world from "world-atlas/countries-110m.json";

export const MAP_WIDTH = 960;
export const MAP_HEIGHT = 470;

export type CountryShape = {
  /** Stable key: the ISO numeric id, else the name. */
  id: string;
  code: string | null;
  name: string;
  d: string;
  centroid: [number, number];
};

/** Names world-atlas gives without an ISO numeric id. */
const NAMED: Record<string, string> = { Kosovo: "XK" };

let shapes: CountryShape[] | undefined;

/**
 * The world's countries as SVG paths (Natural Earth 1:110m from world-atlas,
 * Equal Earth projection), computed once per server process: pages only
 * choose fills and links. No tile server, no client script.
 */
export function worldShapes(): CountryShape[] {
  if (shapes) return shapes;
  const topology = world as unknown as Topology<{ countries: GeometryCollection<{ name: string }> }>;
  const collection = feature(topology, topology.objects.countries);
  const projection = geoEqualEarth().fitExtent(
    [
      [4, 4],
      [MAP_WIDTH - 4, MAP_HEIGHT - 4],
    ],
    collection,
  );
  const path = geoPath(projection);
  shapes = collection.features.flatMap((f: Feature<Geometry, { name: string }>) => {
    const d = path(f);
    if (!d) return [];
    const id = f.id === undefined ? undefined : String(f.id).padStart(3, "0");
    const code = (id && countries.numericToAlpha2(id)) || NAMED[f.properties.name] || null;
    const c = projection(geoCentroid(f)) ?? [0, 0];
    return [
      {
        id: id ?? f.properties.name,
        code,
        name: f.properties.name,
        // Two decimals are plenty at this size and halve the HTML.
        d: d.replace(/(\.\d{1})\d+/g, "$1"),
        centroid: [Math.round(c[0]), Math.round(c[1])] as [number, number],
      },
    ];
  });
  return shapes;
}

/** Shading classes of the map legend: upper bounds of projects per country. */
export const MAP_CLASSES = [
  { min: 1, max: 1, label: "1 projet", fill: "#cacafb" },
  { min: 2, max: 3, label: "2 à 3 projets", fill: "#8585f6" },
  { min: 4, max: 9, label: "4 à 9 projets", fill: "#4848d6" },
  { min: 10, max: Number.POSITIVE_INFINITY, label: "10 projets ou plus", fill: "#000091" },
] as const;

export function mapClass(projects: number) {
  return MAP_CLASSES.find((c) => projects >= c.min && projects <= c.max) ?? null;
}
