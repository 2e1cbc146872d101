import { notFound, redirect } from "next/navigation";
import { LaureatesList, laureatesMetadata } from "@/components/public/laureates-list";
import { parseLaureateFilters, withinOffered } from "@/lib/public/laureate-filters";
import { laureateFilterOptions, listLaureates } from "@/lib/public/laureates";
import { queryForSegment } from "@/lib/public/laureates-routing";

/**
 * The cached laureates list: proxy.ts rewrites `/laureats?…` here, the segment
 * being the canonical query (lib/public/laureates-routing.ts); the visitor's
 * URL stays /laureats?…. Each filter combination is rendered on its first
 * request, then served from Next's cache (ISR) until invalidatePublicContent()
 * or the revalidation period.
 */
export const revalidate = 300;

export function generateStaticParams() {
  return [];
}

export const metadata = laureatesMetadata;

type Props = { params: Promise<{ filtres: string }> };

export default async function CachedLaureatesPage({ params }: Props) {
  const canonical = queryForSegment((await params).filtres);
  // Not the canonical form of a filter combination: nothing to cache.
  if (canonical === null) notFound();
  const filters = parseLaureateFilters(Object.fromEntries(new URLSearchParams(canonical)));
  // The options of no selection: when every value is among them, they are the options of this one too.
  const [list, options] = await Promise.all([listLaureates(filters), laureateFilterOptions()]);
  // A value no laureate uses, or a page past the last: redirected, never cached (withinOffered).
  const offered = withinOffered(filters, options, list.total);
  if (!offered.ok) redirect(`/laureats${offered.query}`);
  return <LaureatesList filters={filters} loaded={{ list, options }} />;
}
