import type { Metadata } from "next";
import { CallCard } from "@/components/public/call-card";
import { Breadcrumb } from "@/components/ui/breadcrumb";
import { PageContainer } from "@/components/ui/page-container";
import { CALL_STATUS_ORDER, type CallStatus } from "@/lib/calls/status";
import { listCalls } from "@/lib/public/calls";

// Served from Next's cache (ISR), invalidated by invalidatePublicContent(); at most a minute
// late on what depends on the clock (a call opening or closing), see docs/development.md.
export const revalidate = 60;

export const metadata: Metadata = {
  title: "Appels à projets",
  description:
    "Les appels à projets de soutien à la coopération décentralisée\u00a0: règlement, dates, grille d’évaluation et résultats.",
  alternates: { canonical: "/appels" },
  openGraph: { title: "Appels à projets", url: "/appels" },
};

const SECTION_TITLES: Record<CallStatus, string> = {
  open: "Ouverts",
  upcoming: "À venir",
  in_review: "En cours d’instruction",
  closed: "Clos",
  results_published: "Résultats publiés",
};

export default async function CallsPage() {
  const calls = await listCalls(new Date());
  const sections = CALL_STATUS_ORDER.map((status) => ({
    status,
    calls: calls.filter((c) => c.status === status),
  })).filter((s) => s.calls.length > 0);

  return (
    <PageContainer>
      <Breadcrumb items={[{ href: "/", label: "Accueil" }, { label: "Appels à projets" }]} />
      <h1 className="text-3xl">Appels à projets</h1>
      <p className="mt-3 max-w-3xl text-lg text-grey-800">
        Les appels à projets de soutien à la coopération décentralisée, du plus récent au plus ancien. Les
        dates sont données à l’heure de Paris.
      </p>
      {sections.length === 0 && <p className="mt-8">Aucun appel à projets n’a encore été publié.</p>}
      {sections.map((section) => (
        <section key={section.status} aria-labelledby={`section-${section.status}`} className="mt-10">
          <h2 id={`section-${section.status}`} className="text-2xl">
            {SECTION_TITLES[section.status]}{" "}
            <span className="text-base font-normal text-grey-600">({section.calls.length})</span>
          </h2>
          <ul className="mt-4 grid gap-6 md:grid-cols-2 lg:grid-cols-3">
            {section.calls.map((call) => (
              <li key={call.id}>
                <CallCard call={call} />
              </li>
            ))}
          </ul>
        </section>
      ))}
    </PageContainer>
  );
}
