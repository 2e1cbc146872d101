import { LaureatesList, laureatesMetadata } from "@/components/public/laureates-list";
import { parseLaureateFilters } from "@/lib/public/laureate-filters";

export const metadata = laureatesMetadata;

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

/**
 * Rendered per request only for what is not cached: a free-text search, or a
 * request proxy.ts did not rewrite. Every other /laureats request is served by
 * the cached route app/(public)/laureats-filtres/[filtres] (see
 * lib/public/laureates-routing.ts).
 */
export default async function LaureatesPage({ searchParams }: Props) {
  return <LaureatesList filters={parseLaureateFilters(await searchParams)} />;
}
