import type { ReactNode } from "react";

/**
 * The « En bref » side panel of a public record (a call, a laureate): its key
 * facts as a description list, beside the text on wide screens and before it
 * on narrow ones, with what to do next under the list.
 */
export function InBriefPanel({ children, after }: { children: ReactNode; after?: ReactNode }) {
  return (
    <aside
      aria-labelledby="en-bref"
      className="self-start lg:col-start-2 lg:row-start-1 border border-grey-200 bg-grey-50 p-5"
    >
      <h2 id="en-bref" className="text-xl">
        En bref
      </h2>
      <dl className="mt-4 space-y-3 text-sm">{children}</dl>
      {after}
    </aside>
  );
}

/** One fact of the panel. */
export function BriefItem({
  label,
  children,
  valueClassName,
}: {
  label: string;
  children: ReactNode;
  valueClassName?: string;
}) {
  return (
    <div>
      <dt className="font-semibold">{label}</dt>
      <dd className={valueClassName}>{children}</dd>
    </div>
  );
}
