import type { ReactNode } from "react";

/**
 * The box a wide table scrolls sideways in on a narrow screen, so that the
 * page itself never does (WCAG 1.4.10, reflow at 320 px). It can take the
 * keyboard focus, so that the arrow keys scroll it, and is named after its
 * table for whoever lands on it. `relative`: the table's screen-reader-only
 * texts (positioned) stay inside the box instead of widening the page.
 */
export function TableScroll({
  label,
  className = "",
  children,
}: {
  label: string;
  className?: string;
  children: ReactNode;
}) {
  return (
    <div role="region" aria-label={label} tabIndex={0} className={`relative overflow-x-auto ${className}`}>
      {children}
    </div>
  );
}
