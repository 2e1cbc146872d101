import { describe, expect, it } from "vitest";
import { boxesIntersect, type PlacedLabel, placeLabels } from "./label-placement";
import { MAP_HEIGHT, MAP_WIDTH, worldShapes } from "./world-map";

/** The box of the country labels of /carte: a circle of radius 8 and its outline. */
const SIZE = 18;

function overlaps(labels: PlacedLabel[]) {
  const pairs: string[] = [];
  for (let i = 0; i < labels.length; i++)
    for (let j = i + 1; j < labels.length; j++) {
      const a = labels[i] as PlacedLabel;
      const b = labels[j] as PlacedLabel;
      if (boxesIntersect({ x: a.labelX, y: a.labelY }, { x: b.labelX, y: b.labelY }, SIZE))
        pairs.push(`${a.id}/${b.id}`);
    }
  return pairs;
}

const countries = worldShapes()
  .filter((s) => s.code)
  .map((s) => ({ id: s.code as string, x: s.centroid[0], y: s.centroid[1] }));

describe("placeLabels", () => {
  it("leaves a label on its point when nothing is in the way", () => {
    const [a] = placeLabels([{ id: "a", x: 50, y: 50 }], SIZE, { width: 100, height: 100 });
    expect(a).toMatchObject({ labelX: 50, labelY: 50, moved: false });
  });
  it("moves the second of two labels on the same point, near it", () => {
    const [a, b] = placeLabels(
      [
        { id: "a", x: 50, y: 50 },
        { id: "b", x: 50, y: 50 },
      ],
      SIZE,
      { width: 100, height: 100 },
    );
    expect(a?.moved).toBe(false);
    expect(b?.moved).toBe(true);
    expect(Math.hypot((b?.labelX ?? 0) - 50, (b?.labelY ?? 0) - 50)).toBeLessThan(3 * SIZE);
  });
  it("never lets two labels of the world map overlap, even with every country labelled", () => {
    const placed = placeLabels(countries, SIZE, { width: MAP_WIDTH, height: MAP_HEIGHT });
    expect(placed).toHaveLength(countries.length);
    expect(overlaps(placed)).toEqual([]);
    for (const p of placed) {
      expect(p.labelX - SIZE / 2).toBeGreaterThanOrEqual(0);
      expect(p.labelY + SIZE / 2).toBeLessThanOrEqual(MAP_HEIGHT);
    }
  });
  it("never lets two labels overlap for the dense European partners of the demo data", () => {
    const europe = [
      "AL",
      "AM",
      "BE",
      "BA",
      "DE",
      "GE",
      "HU",
      "IT",
      "XK",
      "LB",
      "MK",
      "MD",
      "ME",
      "PL",
      "RO",
      "RS",
      "UA",
      "TN",
      "MA",
    ];
    const anchors = countries.filter((c) => europe.includes(c.id));
    expect(overlaps(placeLabels(anchors, SIZE, { width: MAP_WIDTH, height: MAP_HEIGHT }))).toEqual([]);
  });
});
