import regions from "./france-regions.json";

/**
 * Shapes of the French régions for the map of /carte, precomputed by
 * scripts/build-france-regions.ts from the State design system's région map
 * (@gouvfr/dsfr-chart, MIT): metropolitan France in one frame, the five
 * overseas régions each in an inset. Coordinates are whole units, already
 * projected: pages only choose fills and links (no client script).
 */
export type RegionShape = {
  /** INSEE région code (« 84 »). */
  code: string;
  name: string;
  d: string;
  /** Where the count is written, in the shape's own frame. */
  label: [number, number];
};

export type OverseasShape = RegionShape & { viewBox: [number, number, number, number] };

export const FRANCE_METROPOLE = regions.metropole as {
  viewBox: [number, number, number, number];
  regions: RegionShape[];
};
export const FRANCE_OUTRE_MER = regions.outreMer as OverseasShape[];
