import { LaureatesList, laureatesMetadata } from "@/components/public/laureates-list";
import { parseLaureateFilters } from "@/lib/public/laureate-filters";

export const metadata = laureatesMetadata;

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

/**
 * The laureates list rendered per request, for what is not cached: a
 * free-text search (every search string would be a cache entry of its own),
 * or a filter combination too long for a cache file name. proxy.ts rewrites
 * `/laureats?q=…` here; the visitor's URL stays /laureats?q=… (see
 * lib/public/laureates-routing.ts). Not cached: Next sends `private, no-store`.
 */
export default async function LaureatesSearchPage({ searchParams }: Props) {
  return <LaureatesList filters={parseLaureateFilters(await searchParams)} />;
}
