import { type GeoProjection, geoCentroid, geoEqualEarth, geoPath } from "d3-geo";
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
 * Coordinates are kept to half a unit (a quarter pixel of error at most on a
 * 960-pixel-wide map): « .5 » is short, where tenths or quarters write more
 * digits (measured: 57 KB of paths at halves, 67 KB at tenths, 73 KB at quarters).
 */
const PRECISION = 2;

/**
 * The SVG path of a feature, written compactly: coordinates rounded to
 * PRECISION, then each point relative to the previous one (« l1.2-.5 » rather than
 * « L412.3456,118.9012 »), points that round onto the previous one dropped,
 * rings that collapse to fewer than three points dropped (specks of islands
 * smaller than a pixel). The rounding is done on absolute coordinates, so no
 * error accumulates along a ring. About half the bytes of d3's own output
 * rounded to one decimal, for the same drawing.
 */
export function compactPath(f: Feature<Geometry>, projection: GeoProjection): string {
  const rings: [number, number][][] = [];
  let ring: [number, number][] = [];
  const push = (x: number, y: number) => {
    const p: [number, number] = [Math.round(x * PRECISION), Math.round(y * PRECISION)];
    const last = ring[ring.length - 1];
    if (!last || last[0] !== p[0] || last[1] !== p[1]) ring.push(p);
  };
  const end = () => {
    const first = ring[0];
    const last = ring[ring.length - 1];
    if (first && last && ring.length > 1 && first[0] === last[0] && first[1] === last[1]) ring.pop();
    if (ring.length >= 3) rings.push(ring);
    ring = [];
  };
  geoPath(projection, {
    moveTo: (x: number, y: number) => {
      if (ring.length) end();
      push(x, y);
    },
    lineTo: push,
    closePath: end,
    beginPath: () => {},
    arc: () => {},
  })(f);
  if (ring.length) end();

  const n = (v: number) => {
    const s = String(v / PRECISION);
    return s.replace(/^(-?)0\./, "$1.");
  };
  // Numbers follow each other with a separator only where SVG needs one: none before « - », none
  // between « 1.2 » and « .5 » (a second dot starts a new number).
  let out = "";
  let last = "";
  const put = (token: string) => {
    const glue = token.startsWith("-") || (token.startsWith(".") && last.includes(".")) ? "" : " ";
    out += /[a-z]$/.test(out) ? token : `${glue}${token}`;
    last = token;
  };
  let px = 0;
  let py = 0;
  for (const r of rings) {
    r.forEach(([x, y], i) => {
      // The first move is absolute (« M »), so that paths can be joined into one.
      if (i === 0) out += out === "" ? "M" : "m";
      if (i === 1) out += "l";
      put(n(x - px));
      put(n(y - py));
      px = x;
      py = y;
    });
    out += "z";
    // After « z » the current point is the ring's first point.
    const first = r[0] as [number, number];
    px = first[0];
    py = first[1];
  }
  return out;
}

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
  shapes = collection.features.flatMap((f: Feature<Geometry, { name: string }>) => {
    const d = compactPath(f, projection);
    if (!d) return [];
    const id = f.id === undefined ? undefined : String(f.id).padStart(3, "0");
    const code = (id && countries.numericToAlpha2(id)) || NAMED[f.properties.name] || null;
    const c = projection(geoCentroid(f)) ?? [0, 0];
    return [
      {
        id: id ?? f.properties.name,
        code,
        name: f.properties.name,
        d,
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
