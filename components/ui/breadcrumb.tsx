import Link from "next/link";

export type Crumb = { href?: string; label: string };

/**
 * « Vous êtes ici » trail of the design system (DSFR breadcrumb); the last
 * item is the current page. The list is always shown, phones included: the
 * DSFR's folding button would need its script for a trail of three or four
 * short links.
 */
export function Breadcrumb({ items }: { items: Crumb[] }) {
  return (
    <nav aria-label="Vous êtes ici" className="fr-breadcrumb mt-0">
      <ol className="fr-breadcrumb__list">
        {items.map((item, index) => (
          <li key={item.href ?? item.label}>
            {item.href && index < items.length - 1 ? (
              <Link href={item.href} prefetch={false} className="fr-breadcrumb__link">
                {item.label}
              </Link>
            ) : (
              <a className="fr-breadcrumb__link" aria-current="page">
                {item.label}
              </a>
            )}
          </li>
        ))}
      </ol>
    </nav>
  );
}
