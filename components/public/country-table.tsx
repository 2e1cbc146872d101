import Link from "next/link";
import { DataTable } from "@/components/ui/data-table";
import { countryName } from "@/lib/countries";
import { formatCount } from "@/lib/format";
import { laureateFiltersQuery } from "@/lib/public/laureate-filters";

/** Laureate projects and partner authorities per partner country, each country linking to its laureates. */
export function CountryTable({
  caption,
  countries,
  width,
}: {
  caption: string;
  countries: { code: string; projects: number; partners: number }[];
  width?: "max-w-3xl" | "max-w-4xl";
}) {
  return (
    <DataTable
      caption={caption}
      width={width}
      columns={[
        { label: "Pays" },
        { label: "Projets lauréats", numeric: true },
        { label: "Collectivités partenaires", numeric: true },
      ]}
      rows={countries.map((c) => ({
        key: c.code,
        header: (
          <Link href={`/laureats${laureateFiltersQuery({ country: c.code })}`}>{countryName(c.code)}</Link>
        ),
        cells: [formatCount(c.projects), formatCount(c.partners)],
      }))}
    />
  );
}
