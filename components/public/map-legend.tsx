import { MAP_CLASSES } from "@/lib/public/world-map";

/** The legend of the maps' shading, in words (never by colour alone), with the « no project » swatch. */
export function MapLegend({ label }: { label: string }) {
  return (
    <ul aria-label={label} className="mb-3 flex flex-wrap gap-x-6 gap-y-2 text-sm">
      {MAP_CLASSES.map((c) => (
        <li key={c.label} className="flex items-center gap-2">
          <span
            aria-hidden="true"
            className="inline-block h-4 w-6 border border-grey-800"
            style={{ background: c.fill }}
          />
          {c.label}
        </li>
      ))}
      <li className="flex items-center gap-2">
        <span aria-hidden="true" className="inline-block h-4 w-6 border border-grey-300 bg-grey-50" />
        aucun projet
      </li>
    </ul>
  );
}
