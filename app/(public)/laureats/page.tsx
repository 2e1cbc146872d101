import { LaureatesList, laureatesMetadata } from "@/components/public/laureates-list";
import { parseLaureateFilters } from "@/lib/public/laureate-filters";

/**
 * The unfiltered list, the public site's main list: served from Next's cache
 * (ISR) as it is to a document request, without any rewrite, until
 * invalidatePublicContent() or the revalidation period (the same as the
 * filtered lists'). A filtered list, a search, and a client navigation are
 * rewritten by proxy.ts to their own routes (see
 * lib/public/laureates-routing.ts), so this page never reads the query.
 */
export const revalidate = 300;

export const metadata = laureatesMetadata;

export default function LaureatesPage() {
  return <LaureatesList filters={parseLaureateFilters({})} />;
}
