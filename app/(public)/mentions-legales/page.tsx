import type { Metadata } from "next";
import Link from "next/link";
import { Breadcrumb } from "@/components/ui/breadcrumb";
import { PageContainer } from "@/components/ui/page-container";

export const metadata: Metadata = {
  title: "Mentions légales",
  description:
    "Éditeur, directeur de la publication, hébergement et licence des contenus du service en ligne des appels à projets de coopération décentralisée.",
  alternates: { canonical: "/mentions-legales" },
};

export default function LegalNoticePage() {
  return (
    <PageContainer>
      <Breadcrumb items={[{ href: "/", label: "Accueil" }, { label: "Mentions légales" }]} />
      <div className="prose-text">
        <h1 className="text-3xl">Mentions légales</h1>

        <h2 className="text-2xl">Éditeur</h2>
        <p>
          Ministère de l’Europe et des Affaires étrangères, Délégation pour les collectivités territoriales et
          la société civile (DCTCIV), 57 boulevard des Invalides, 75007 Paris.
        </p>

        <h2 className="text-2xl">Directeur de la publication</h2>
        <p>Le délégué pour les collectivités territoriales et la société civile.</p>

        <h2 className="text-2xl">Hébergement</h2>
        <p>
          Le service est hébergé sur une infrastructure située en France, dans le respect du référentiel
          d’hébergement des services numériques de l’État. Le nom de l’hébergeur sera précisé lors de la mise
          en production.
        </p>

        <h2 className="text-2xl">Données de démonstration</h2>
        <p>
          Tant que le bandeau «&nbsp;Données de démonstration&nbsp;» est affiché, les informations présentées
          sont en grande partie fictives. Seuls les neuf projets lauréats 2025 d’Auvergne-Rhône-Alpes sont
          réels (collectivités, partenaires étrangers et objets des projets), d’après les résultats publiés
          par le réseau régional RESACOOP&nbsp;; leurs montants sont fictifs, comme les autres appels à
          projets, dossiers et notes.
        </p>

        <h2 className="text-2xl">Réutilisation des contenus</h2>
        <p>
          Sauf mention contraire, les textes et données publiés sur ce site sont réutilisables dans les
          conditions de la Licence Ouverte / Open Licence version 2.0, en citant la source et la date de mise
          à jour.
        </p>

        <h2 className="text-2xl">Accessibilité et données personnelles</h2>
        <p>
          Voir la <Link href="/accessibilite">déclaration d’accessibilité</Link> et la page{" "}
          <Link href="/donnees-personnelles">données personnelles</Link>.
        </p>
      </div>
    </PageContainer>
  );
}
