import type { Metadata } from "next";
import { Breadcrumb } from "@/components/ui/breadcrumb";
import { PageContainer } from "@/components/ui/page-container";
import { DSFR_VERSION } from "@/lib/dsfr-version";

export const metadata: Metadata = {
  title: "Déclaration d’accessibilité",
  description:
    "Déclaration d’accessibilité (RGAA 4.1) du service en ligne des appels à projets de coopération décentralisée\u00a0: état de conformité, contenus non accessibles, contact et voies de recours.",
  alternates: { canonical: "/accessibilite" },
};

export default function AccessibilityPage() {
  return (
    <PageContainer>
      <Breadcrumb items={[{ href: "/", label: "Accueil" }, { label: "Accessibilité" }]} />
      <div className="prose-text">
        <h1 className="text-3xl">Déclaration d’accessibilité</h1>
        <p>
          Le ministère de l’Europe et des Affaires étrangères s’engage à rendre ses services numériques
          accessibles, conformément à l’article 47 de la loi n°&nbsp;2005-102 du 11 février 2005. Cette
          déclaration s’applique au service en ligne «&nbsp;Coopération décentralisée — Appels à
          projets&nbsp;».
        </p>

        <h2 className="text-2xl">État de conformité</h2>
        <p>
          Ce service est <strong>partiellement conforme</strong> avec le référentiel général d’amélioration de
          l’accessibilité (RGAA), version 4.1, en attendant la réalisation d’un audit complet.
        </p>

        <h2 className="text-2xl">Résultats des tests</h2>
        <p>
          Aucun audit de conformité n’a encore été réalisé. Chaque page publique est vérifiée automatiquement
          à chaque modification (critères WCAG 2.1 de niveaux A et AA détectables par l’outil axe), et le
          service est conçu pour être utilisable au clavier, avec un lien d’évitement, des intitulés
          explicites et des contrastes suffisants. Ces vérifications ne remplacent pas un audit.
        </p>

        <h2 className="text-2xl">Contenus non accessibles</h2>
        <p>En attendant l’audit, les limites connues sont les suivantes&nbsp;:</p>
        <ul>
          <li>
            sur un écran étroit, les graphiques des statistiques et les cartes sont réduits et leurs libellés
            deviennent petits&nbsp;; le tableau qui suit chaque graphique et chaque carte donne les mêmes
            chiffres en texte&nbsp;;
          </li>
          <li>
            les textes saisis par les collectivités (titres et résumés des projets) sont publiés tels qu’ils
            ont été écrits, sans relecture typographique.
          </li>
        </ul>

        <h2 className="text-2xl">Établissement de cette déclaration</h2>
        <p>Cette déclaration a été établie le 27 novembre 2026.</p>
        <p>
          Technologies utilisées pour la réalisation du service&nbsp;: HTML5, CSS, SVG (graphiques et cartes),
          JavaScript pour quelques éléments interactifs (les pages publiques fonctionnent sans), et le Système
          de design de l’État (DSFR) en version {DSFR_VERSION}.
        </p>
        <p>
          Vérifications réalisées avec l’outil axe-core dans le navigateur Chromium, à chaque modification du
          service, et par une navigation au clavier.
        </p>

        <h2 className="text-2xl">Retour d’information et contact</h2>
        <p>
          Si vous n’arrivez pas à accéder à un contenu ou à un service, vous pouvez contacter la DCTCIV pour
          être orienté vers une alternative accessible ou obtenir le contenu sous une autre forme&nbsp;:
        </p>
        <ul>
          <li>
            par courriel&nbsp;:{" "}
            <a href="mailto:accessibilite.dctciv@diplomatie.gouv.fr">
              accessibilite.dctciv@diplomatie.gouv.fr
            </a>
            &nbsp;;
          </li>
          <li>
            par courrier&nbsp;: Ministère de l’Europe et des Affaires étrangères, DCTCIV, 57 boulevard des
            Invalides, 75007 Paris.
          </li>
        </ul>

        <h2 className="text-2xl">Voies de recours</h2>
        <p>
          Si vous constatez un défaut d’accessibilité vous empêchant d’accéder à un contenu ou à une
          fonctionnalité du service, que vous nous l’avez signalé et que vous n’avez pas obtenu de réponse
          satisfaisante, vous pouvez&nbsp;:
        </p>
        <ul>
          <li>
            écrire un message au <a href="https://formulaire.defenseurdesdroits.fr/">Défenseur des droits</a>
            &nbsp;;
          </li>
          <li>
            contacter{" "}
            <a href="https://www.defenseurdesdroits.fr/saisir/delegues">
              le délégué du Défenseur des droits dans votre région
            </a>
            &nbsp;;
          </li>
          <li>
            envoyer un courrier par la poste (gratuit, ne pas mettre de timbre)&nbsp;: Défenseur des droits,
            Libre réponse 71120, 75342 Paris CEDEX 07.
          </li>
        </ul>
      </div>
    </PageContainer>
  );
}
