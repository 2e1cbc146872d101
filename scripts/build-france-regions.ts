/**
 * Writes lib/public/france-regions.json, the shapes of the French régions for
 * the map of /carte: `npx tsx scripts/build-france-regions.ts`.
 *
 * Source: the région map of the State's design system charts
 * (`@gouvfr/dsfr-chart`, MIT licence, a dev dependency pinned in
 * package.json): metropolitan France in one frame, the five overseas régions
 * in a frame each. Its paths are already projected and drawn with whole
 * units (1 010 × 1 010 for metropolitan France), about 1 KB per région, so
 * they are copied as they are; the script adds the INSEE code and name of
 * each région, its frame (bounding box) and a point inside it for the count.
 * See docs/public-site.md.
 */
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";

const root = process.cwd();
const source = path.join(root, "node_modules/@gouvfr/dsfr-chart/dist/MapChartReg/MapChartReg.js");
const packageJson = JSON.parse(
  readFileSync(path.join(root, "node_modules/@gouvfr/dsfr-chart/package.json"), "utf8"),
) as { version: string; license: string };
const regionsJson = JSON.parse(
  readFileSync(path.join(root, "node_modules/@etalab/decoupage-administratif/data/regions.json"), "utf8"),
) as { code: string; nom: string }[];

/** Classes of the source's paths → INSEE région codes. */
const METROPOLE: Record<string, string> = {
  "FR-IDF": "11",
  "FR-CVL": "24",
  "FR-BFC": "27",
  "FR-NOR": "28",
  "FR-HDF": "32",
  "FR-GES": "44",
  "FR-PDL": "52",
  "FR-BRE": "53",
  "FR-NAQ": "75",
  "FR-OCC": "76",
  "FR-ARA": "84",
  "FR-PAC": "93",
  "FR-20R": "94",
};
const OUTRE_MER: Record<string, string> = {
  "FR-971": "01",
  "FR-972": "02",
  "FR-973": "03",
  "FR-974": "04",
  "FR-976": "06",
};

type Point = [number, number];

/** The vertices of an SVG path (end points of each segment; enough for a frame and a label point). */
export function pathRings(d: string): Point[][] {
  const tokens = d.match(/[MmLlHhVvCcSsQqTtAaZz]|[+-]?(?:\d+\.?\d*|\.\d+)(?:e[+-]?\d+)?/g) ?? [];
  const rings: Point[][] = [];
  let ring: Point[] = [];
  let x = 0;
  let y = 0;
  let startX = 0;
  let startY = 0;
  let i = 0;
  let command = "";
  const num = () => {
    const t = tokens[i++];
    if (t === undefined || /[a-z]/i.test(t)) throw new Error(`Bad path near token ${i}: ${d.slice(0, 80)}`);
    return Number(t);
  };
  const arcFlags = () => {
    // Flags may be written together ("011"): read one digit at a time.
    const t = tokens[i] ?? "";
    if (t.length > 1 && /^[01]/.test(t)) {
      tokens[i] = t.slice(1);
      return Number(t[0]);
    }
    return num();
  };
  while (i < tokens.length) {
    const t = tokens[i] ?? "";
    if (/^[a-z]$/i.test(t)) {
      command = t;
      i++;
      if (command === "z" || command === "Z") {
        x = startX;
        y = startY;
        if (ring.length) rings.push(ring);
        ring = [];
        continue;
      }
    }
    const relative = command === command.toLowerCase();
    const ox = relative ? x : 0;
    const oy = relative ? y : 0;
    switch (command.toLowerCase()) {
      case "m":
        if (ring.length) rings.push(ring);
        ring = [];
        x = ox + num();
        y = oy + num();
        startX = x;
        startY = y;
        command = relative ? "l" : "L";
        break;
      case "l":
      case "t":
        x = ox + num();
        y = oy + num();
        break;
      case "h":
        x = ox + num();
        break;
      case "v":
        y = oy + num();
        break;
      case "c":
        num();
        num();
        num();
        num();
        x = ox + num();
        y = oy + num();
        break;
      case "s":
      case "q":
        num();
        num();
        x = ox + num();
        y = oy + num();
        break;
      case "a":
        num();
        num();
        num();
        arcFlags();
        arcFlags();
        x = ox + num();
        y = oy + num();
        break;
      default:
        throw new Error(`Unknown path command ${command}`);
    }
    ring.push([x, y]);
  }
  if (ring.length) rings.push(ring);
  return rings;
}

function bounds(rings: Point[][]): [number, number, number, number] {
  const xs = rings.flat().map((p) => p[0]);
  const ys = rings.flat().map((p) => p[1]);
  return [Math.min(...xs), Math.min(...ys), Math.max(...xs), Math.max(...ys)];
}

/** Signed area and centroid of a ring (shoelace formula). */
function ringCentroid(ring: Point[]): { area: number; c: Point } {
  let a = 0;
  let cx = 0;
  let cy = 0;
  for (let k = 0; k < ring.length; k++) {
    const [x0, y0] = ring[k] as Point;
    const [x1, y1] = ring[(k + 1) % ring.length] as Point;
    const cross = x0 * y1 - x1 * y0;
    a += cross;
    cx += (x0 + x1) * cross;
    cy += (y0 + y1) * cross;
  }
  a /= 2;
  return { area: Math.abs(a), c: a === 0 ? (ring[0] ?? [0, 0]) : [cx / (6 * a), cy / (6 * a)] };
}

/** Where the count goes: the centroid of the largest ring. */
function labelPoint(rings: Point[][]): Point {
  const best = rings.map(ringCentroid).sort((p, q) => q.area - p.area)[0];
  const [x, y] = best?.c ?? [0, 0];
  return [Math.round(x), Math.round(y)];
}

function main() {
  const js = readFileSync(source, "utf8");
  const byClass = new Map<string, string[]>();
  for (const m of js.matchAll(/class: "(FR-[A-Z0-9]+)",\s*(?:style: [^\n]*\n\s*)?d: "([^"]+)"/g)) {
    const [, cls, d] = m;
    if (!cls || !d) continue;
    byClass.set(cls, [...(byClass.get(cls) ?? []), d]);
  }
  const name = (code: string) => {
    const r = regionsJson.find((x) => x.code === code);
    if (!r) throw new Error(`Unknown région ${code}`);
    return r.nom.replace(/'/g, "’");
  };
  const shape = (cls: string, code: string) => {
    const ds = byClass.get(cls);
    if (!ds) throw new Error(`No path for ${cls} in ${source}`);
    const d = ds.join("");
    const rings = pathRings(d);
    const [x0, y0, x1, y1] = bounds(rings);
    return {
      code,
      name: name(code),
      d,
      bbox: [Math.floor(x0), Math.floor(y0), Math.ceil(x1), Math.ceil(y1)] as const,
      label: labelPoint(rings),
    };
  };
  const metropole = Object.entries(METROPOLE).map(([cls, code]) => shape(cls, code));
  const outreMer = Object.entries(OUTRE_MER).map(([cls, code]) => shape(cls, code));
  const [mx0, my0, mx1, my1] = bounds(metropole.flatMap((r) => pathRings(r.d)));
  const pad = 6;
  const out = {
    source: `@gouvfr/dsfr-chart ${packageJson.version} (${packageJson.license}), dist/MapChartReg; written by scripts/build-france-regions.ts`,
    metropole: {
      viewBox: [
        Math.floor(mx0) - pad,
        Math.floor(my0) - pad,
        Math.ceil(mx1 - mx0) + 2 * pad,
        Math.ceil(my1 - my0) + 2 * pad,
      ],
      regions: metropole.map(({ bbox: _bbox, ...r }) => r),
    },
    outreMer: outreMer.map(({ bbox, ...r }) => ({
      ...r,
      viewBox: [bbox[0] - 2, bbox[1] - 2, bbox[2] - bbox[0] + 4, bbox[3] - bbox[1] + 4],
    })),
  };
  const file = path.join(root, "lib/public/france-regions.json");
  writeFileSync(file, `${JSON.stringify(out)}\n`);
  console.log(
    `${file}: ${metropole.length} metropolitan and ${outreMer.length} overseas régions, ${readFileSync(file).length} bytes`,
  );
}

// Run as a script, not when a test imports pathRings.
if (
  process.argv[1] &&
  path.resolve(process.argv[1]) === path.resolve(root, "scripts/build-france-regions.ts")
)
  main();
