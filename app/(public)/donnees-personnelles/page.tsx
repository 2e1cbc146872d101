import type { Metadata } from "next";
import { Breadcrumb } from "@/components/ui/breadcrumb";
import { PageContainer } from "@/components/ui/page-container";

export const metadata: Metadata = {
  title: "Données personnelles",
  description:
    "Les données personnelles traitées par le service en ligne des appels à projets de coopération décentralisée, leurs finalités, leurs durées de conservation et vos droits.",
  alternates: { canonical: "/donnees-personnelles" },
};

export default function PersonalDataPage() {
  return (
    <PageContainer>
      <Breadcrumb items={[{ href: "/", label: "Accueil" }, { label: "Données personnelles" }]} />
      <div className="prose-text">
        <h1 className="text-3xl">Données personnelles</h1>

        <h2 className="text-2xl">Responsable du traitement</h2>
        <p>
          Le ministère de l’Europe et des Affaires étrangères, Délégation pour les collectivités territoriales
          et la société civile (DCTCIV), est responsable du traitement des données de ce service.
        </p>

        <h2 className="text-2xl">Finalité et base légale</h2>
        <p>
          Les données sont traitées pour recevoir et instruire les candidatures des collectivités
          territoriales aux appels à projets, notifier les décisions, publier les projets lauréats et suivre
          leur réalisation. Ce traitement relève de l’exécution d’une mission d’intérêt public (article 6-1-e
          du règlement général sur la protection des données).
        </p>

        <h2 className="text-2xl">Données traitées</h2>
        <ul>
          <li>
            Agents des collectivités et des réseaux régionaux&nbsp;: nom, prénom, adresse électronique,
            collectivité de rattachement, historique des actions sur les dossiers.
          </li>
          <li>Agents du ministère&nbsp;: nom, prénom, adresse électronique, évaluations et décisions.</li>
          <li>
            Contacts des partenaires nommés dans un dossier&nbsp;: nom et adresse électronique, s’ils sont
            renseignés.
          </li>
        </ul>
        <p>
          Les pages publiques ne montrent aucune donnée personnelle&nbsp;: seuls les noms des collectivités,
          des partenaires et des opérateurs des projets lauréats sont publiés.
        </p>

        <h2 className="text-2xl">Durée de conservation</h2>
        <p>
          Les dossiers sont conservés dix ans après la clôture de l’appel à projets, conformément aux règles
          d’archivage des subventions publiques&nbsp;; passé ce délai, les noms et adresses électroniques des
          contacts qu’ils mentionnent sont effacés. Les résultats publiés (collectivités lauréates, projets,
          montants accordés) restent publics.
        </p>
        <p>
          Les comptes sans connexion depuis trois ans sont anonymisés (nom et adresse électronique effacés,
          rattachements aux collectivités retirés). Les sessions expirées et les liens de connexion périmés
          sont supprimés chaque jour, les compteurs de protection contre les abus après 24&nbsp;heures, et le
          contenu des courriels envoyés par le service après 90&nbsp;jours.
        </p>

        <h2 className="text-2xl">Cookies</h2>
        <p>
          Ce service n’utilise aucun cookie de mesure d’audience ni de publicité. Un cookie de session,
          strictement nécessaire, est déposé uniquement lorsque vous vous connectez.
        </p>

        <h2 className="text-2xl">Vos droits</h2>
        <p>
          Vous pouvez accéder aux données vous concernant, les rectifier, demander leur effacement ou exercer
          votre droit à la limitation du traitement et votre droit d’opposition en écrivant au délégué à la
          protection des données du ministère&nbsp;:{" "}
          <a href="mailto:dpd.dctciv@diplomatie.gouv.fr">dpd.dctciv@diplomatie.gouv.fr</a>. Si vous estimez,
          après nous avoir contactés, que vos droits ne sont pas respectés, vous pouvez adresser une
          réclamation à la{" "}
          <a href="https://www.cnil.fr/fr/plaintes">
            Commission nationale de l’informatique et des libertés (CNIL)
          </a>
          .
        </p>
      </div>
    </PageContainer>
  );
}
