import type { Metadata } from "next";
import Link from "next/link";
import { Breadcrumb } from "@/components/ui/breadcrumb";
import { PageContainer } from "@/components/ui/page-container";
import { cachedNetworks } from "@/lib/followup/public";

// Served from Next's cache (ISR), invalidated by invalidatePublicContent(); see docs/development.md.
export const revalidate = 300;

export const metadata: Metadata = {
  title: "Réseaux régionaux",
  description: "Les réseaux régionaux de coopération suivent les projets lauréats de leur région.",
  alternates: { canonical: "/reseaux" },
  openGraph: { title: "Réseaux régionaux", url: "/reseaux" },
};

export default async function NetworksPage() {
  const networks = await cachedNetworks();
  return (
    <PageContainer>
      <Breadcrumb items={[{ href: "/", label: "Accueil" }, { label: "Réseaux régionaux" }]} />
      <h1 className="text-3xl">Réseaux régionaux</h1>
      <p className="mt-2 max-w-3xl">
        Les réseaux régionaux multi-acteurs suivent les projets lauréats de leur région&nbsp;: pages de suivi,
        étapes et actualités.
      </p>
      <ul className="mt-6 space-y-4">
        {networks.map((n) => (
          <li key={n.id}>
            <Link href={`/reseaux/${n.slug}`} className="text-lg font-semibold">
              {n.name}
            </Link>
          </li>
        ))}
      </ul>
    </PageContainer>
  );
}
