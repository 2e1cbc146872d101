import type { ReactNode } from "react";

/** One section of the dossier: its heading is the anchor the page's links and tests aim at. */
export function DossierSection({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <section aria-labelledby={id} className="mt-8">
      <h2 id={id} className="text-2xl font-bold">
        {title}
      </h2>
      {children}
    </section>
  );
}
