import { geoEqualEarth, geoPath } from "d3-geo";
import { feature } from "topojson-client";
import type { GeometryCollection, Topology } from "topojson-specification";
import { describe, expect, it } from "vitest";
import world from "world-atlas/countries-110m.json";
import { pathRings } from "../../scripts/build-france-regions";
import { FRANCE_METROPOLE, FRANCE_OUTRE_MER } from "./france-map";
import { MAP_HEIGHT, MAP_WIDTH, worldShapes } from "./world-map";

const topology = world as unknown as Topology<{ countries: GeometryCollection<{ name: string }> }>;
const collection = feature(topology, topology.objects.countries);
const projection = geoEqualEarth().fitExtent(
  [
    [4, 4],
    [MAP_WIDTH - 4, MAP_HEIGHT - 4],
  ],
  collection,
);

describe("world map paths", () => {
  it("draws every vertex within the rounding (half a unit) of d3's own path, in about half the bytes", () => {
    const shapes = worldShapes();
    const path = geoPath(projection);
    let compact = 0;
    let full = 0;
    for (const name of ["France", "Argentina", "Armenia", "Lebanon"]) {
      const f = collection.features.find((x) => x.properties.name === name);
      const shape = shapes.find((s) => s.name === name);
      if (!f || !shape) throw new Error(`${name} missing`);
      const original = pathRings(path(f) ?? "").flat();
      for (const [x, y] of pathRings(shape.d).flat()) {
        const nearest = Math.min(...original.map(([u, v]) => Math.hypot(x - u, y - v)));
        expect(nearest, name).toBeLessThanOrEqual(0.36); // half a unit rounding on both axes
      }
    }
    for (const f of collection.features) full += (path(f) ?? "").replace(/(\.\d)\d+/g, "$1").length;
    for (const s of shapes) compact += s.d.length;
    expect(compact).toBeLessThan(full * 0.55);
  });
});

describe("French régions", () => {
  it("has the 13 metropolitan and 5 overseas régions, each a closed shape with its label inside its frame", () => {
    expect(FRANCE_METROPOLE.regions.map((r) => r.code).sort()).toEqual(
      ["11", "24", "27", "28", "32", "44", "52", "53", "75", "76", "84", "93", "94"].sort(),
    );
    expect(FRANCE_OUTRE_MER.map((r) => r.code)).toEqual(["01", "02", "03", "04", "06"]);
    expect(FRANCE_METROPOLE.regions.find((r) => r.code === "84")?.name).toBe("Auvergne-Rhône-Alpes");
    for (const r of [...FRANCE_METROPOLE.regions, ...FRANCE_OUTRE_MER]) {
      const points = pathRings(r.d).flat();
      const xs = points.map((p) => p[0]);
      const ys = points.map((p) => p[1]);
      expect(r.label[0]).toBeGreaterThanOrEqual(Math.min(...xs));
      expect(r.label[0]).toBeLessThanOrEqual(Math.max(...xs));
      expect(r.label[1]).toBeGreaterThanOrEqual(Math.min(...ys));
      expect(r.label[1]).toBeLessThanOrEqual(Math.max(...ys));
      expect(r.d.toLowerCase()).toContain("z");
    }
  });
});
