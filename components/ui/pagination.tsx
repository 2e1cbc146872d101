import Link from "next/link";
import { paginationWindow } from "@/lib/public/laureate-filters";

/**
 * Server-side pagination links of the design system (DSFR pagination);
 * `hrefFor` builds the URL of a page with the current filters.
 */
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
  const link = "fr-pagination__link";
  return (
    <nav aria-label="Pagination" className="fr-pagination mt-8">
      <ul className="fr-pagination__list">
        {page > 1 && (
          <li>
            <Link
              href={hrefFor(page - 1)}
              className="fr-pagination__link fr-pagination__link--prev fr-pagination__link--lg-label"
            >
              Page précédente
            </Link>
          </li>
        )}
        {paginationWindow(page, pageCount).map((p, index) =>
          p === null ? (
            // biome-ignore lint/suspicious/noArrayIndexKey: ellipses have no identity of their own.
            <li key={`gap-${index}`} aria-hidden="true">
              <span className={link}>…</span>
            </li>
          ) : (
            <li key={p}>
              {p === page ? (
                <a aria-current="page" className={link}>
                  <span className="sr-only">Page </span>
                  {p}
                </a>
              ) : (
                <Link href={hrefFor(p)} className={link}>
                  <span className="sr-only">Page </span>
                  {p}
                </Link>
              )}
            </li>
          ),
        )}
        {page < pageCount && (
          <li>
            <Link
              href={hrefFor(page + 1)}
              className="fr-pagination__link fr-pagination__link--next fr-pagination__link--lg-label"
            >
              Page suivante
            </Link>
          </li>
        )}
      </ul>
    </nav>
  );
}
