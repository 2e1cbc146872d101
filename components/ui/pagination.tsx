import Link from "next/link";
import { paginationWindow } from "@/lib/public/laureate-filters";

/** Server-side pagination links; `hrefFor` builds the URL of a page with the current filters. */
export function Pagination({
  page,
  pageCount,
  hrefFor,
}: {
  page: number;
  pageCount: number;
  hrefFor: (page: number) => string;
}) {
  if (pageCount <= 1) return null;
  const itemClass = "inline-flex min-w-10 items-center justify-center px-3 py-2 text-sm";
  return (
    <nav aria-label="Pagination" className="mt-8">
      <ul className="flex flex-wrap items-center gap-1">
        {page > 1 && (
          <li>
            <Link href={hrefFor(page - 1)} className={itemClass}>
              ‹ Page précédente
            </Link>
          </li>
        )}
        {paginationWindow(page, pageCount).map((p, index) =>
          p === null ? (
            // biome-ignore lint/suspicious/noArrayIndexKey: ellipses have no identity of their own.
            <li key={`gap-${index}`} className={`${itemClass} text-grey-600`} aria-hidden="true">
              …
            </li>
          ) : (
            <li key={p}>
              {p === page ? (
                <span aria-current="page" className={`${itemClass} bg-blue-france font-bold text-white`}>
                  <span className="sr-only">Page </span>
                  {p}
                </span>
              ) : (
                <Link href={hrefFor(p)} className={itemClass}>
                  <span className="sr-only">Page </span>
                  {p}
                </Link>
              )}
            </li>
          ),
        )}
        {page < pageCount && (
          <li>
            <Link href={hrefFor(page + 1)} className={itemClass}>
              Page suivante ›
            </Link>
          </li>
        )}
      </ul>
    </nav>
  );
}
