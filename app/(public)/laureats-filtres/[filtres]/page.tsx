import { notFound } from "next/navigation";
import { LaureatesList, laureatesMetadata } from "@/components/public/laureates-list";
import { parseLaureateFilters } from "@/lib/public/laureate-filters";
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
  return <LaureatesList filters={parseLaureateFilters(Object.fromEntries(new URLSearchParams(canonical)))} />;
}
