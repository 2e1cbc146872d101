import Link from "next/link";

export type Crumb = { href?: string; label: string };

/** « Vous êtes ici » trail; the last item is the current page. */
export function Breadcrumb({ items }: { items: Crumb[] }) {
  return (
    <nav aria-label="Vous êtes ici" className="mb-6 text-sm">
      <ol className="flex flex-wrap items-center gap-x-2 gap-y-1 text-grey-600">
        {items.map((item, index) => (
          <li key={item.href ?? item.label} className="flex items-center gap-2">
            {index > 0 && <span aria-hidden="true">›</span>}
            {item.href && index < items.length - 1 ? (
              <Link href={item.href} prefetch={false} className="text-grey-800">
                {item.label}
              </Link>
            ) : (
              <span aria-current="page" className="text-grey-800">
                {item.label}
              </span>
            )}
          </li>
        ))}
      </ol>
    </nav>
  );
}
