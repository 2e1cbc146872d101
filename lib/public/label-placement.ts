/**
 * Where to write the numbers of a map so that no two overlap: each label is a
 * square box of `size` around its point; a label whose point is free stays on
 * it, one that would cover an already placed label moves to the nearest free
 * spot on rings around its point (the map then draws a leader line back to
 * it). Greedy, in the order given: callers put the labels that matter most
 * first, so they keep their place. Pure, deterministic, computed on the server.
 */

export type LabelAnchor = { id: string; x: number; y: number };
export type PlacedLabel<T extends LabelAnchor = LabelAnchor> = T & {
  labelX: number;
  labelY: number;
  moved: boolean;
};
export type Bounds = { width: number; height: number };

/** Two boxes of side `size` centred on a and b share some area (touching edges do not count). */
export function boxesIntersect(a: { x: number; y: number }, b: { x: number; y: number }, size: number) {
  return Math.abs(a.x - b.x) < size && Math.abs(a.y - b.y) < size;
}

export function placeLabels<T extends LabelAnchor>(
  anchors: T[],
  size: number,
  bounds: Bounds,
  gap = 1,
): PlacedLabel<T>[] {
  const placed: PlacedLabel<T>[] = [];
  const half = size / 2;
  const step = size + gap;
  const free = (x: number, y: number) =>
    x - half >= 0 &&
    y - half >= 0 &&
    x + half <= bounds.width &&
    y + half <= bounds.height &&
    placed.every((p) => !boxesIntersect({ x, y }, { x: p.labelX, y: p.labelY }, step));
  const maxRing = Math.ceil(Math.hypot(bounds.width, bounds.height) / (step / 2));
  for (const anchor of anchors) {
    let spot: { x: number; y: number } | null = free(anchor.x, anchor.y)
      ? { x: anchor.x, y: anchor.y }
      : null;
    // Rings half a box apart, each tried at as many angles as fit on it, nearest first.
    for (let ring = 1; !spot && ring <= maxRing; ring++) {
      const radius = (ring * step) / 2;
      const tries = Math.max(8, Math.ceil((2 * Math.PI * radius) / (step / 2)));
      for (let k = 0; k < tries; k++) {
        const angle = (2 * Math.PI * k) / tries;
        const x = Math.round((anchor.x + radius * Math.cos(angle)) * 2) / 2;
        const y = Math.round((anchor.y + radius * Math.sin(angle)) * 2) / 2;
        if (free(x, y)) {
          spot = { x, y };
          break;
        }
      }
    }
    if (!spot) throw new Error(`No room for the label of ${anchor.id}`);
    placed.push({
      ...anchor,
      labelX: spot.x,
      labelY: spot.y,
      moved: spot.x !== anchor.x || spot.y !== anchor.y,
    });
  }
  return placed;
}
