import type { Metadata } from "next";
import { Breadcrumb } from "@/components/ui/breadcrumb";
import { DataTable } from "@/components/ui/data-table";
import { PageContainer } from "@/components/ui/page-container";
import { formatCount } from "@/lib/format";
import { openDataGrantsCached } from "@/lib/open-data/cached";
import { SCDL_FIELDS, SCDL_SUBVENTIONS_VERSION } from "@/lib/open-data/scdl-schema";
import { GRANTOR_NAME, GRANTOR_SIRET } from "@/lib/open-data/subventions";

// Served from Next's cache (ISR), invalidated by invalidatePublicContent(); see docs/development.md.
export const revalidate = 300;

export const metadata: Metadata = {
  title: "Données ouvertes",
  description:
    "Téléchargez les subventions attribuées aux projets lauréats au format SCDL «\u00a0subventions\u00a0» (CSV et JSON), sous Licence Ouverte 2.0.",
  alternates: { canonical: "/donnees" },
  openGraph: { title: "Données ouvertes des projets lauréats", url: "/donnees" },
};

/** How each field is filled by this service (the schema's own description is in SCDL_FIELDS). */
const FILLED_WITH: Record<string, string> = {
  nomAttribuant: `«\u00a0${GRANTOR_NAME}\u00a0».`,
  idAttribuant: `${GRANTOR_SIRET}, SIRET du ministère.`,
  dateConvention:
    "Date de signature de la convention, ou de la décision tant qu’elle n’est pas signée (heure de Paris).",
  referenceDecision: "Numéro de dépôt du dossier (par exemple 2025-GEN-0042).",
  nomBeneficiaire: "Collectivité ou organisme chef de file, qui signe la convention.",
  idBeneficiaire:
    "Vide\u00a0: le service ne connaît pas le SIRET de l’établissement signataire (voir ci-dessous).",
  rnaBeneficiaire: "Vide\u00a0: les bénéficiaires sont des personnes publiques, sans numéro RNA.",
  objet: "Titre du projet.",
  montant: "Montant accordé, en euros.",
  nature: "«\u00a0aide en numéraire\u00a0».",
  conditionsVersement:
    "«\u00a0échelonné\u00a0» pour une convention signée à plusieurs versements (un par année, le solde après le rapport final), sinon «\u00a0unique\u00a0».",
  datesPeriodeVersement:
    "Pour un versement échelonné, la période de la signature à la date du rapport final (AAAA-MM-JJ/AAAA-MM-JJ)\u00a0; sinon la date de la convention.",
  idRAE: "Vide\u00a0: sans objet pour des collectivités.",
  notificationUE: "«\u00a0non\u00a0».",
  pourcentageSubvention: "1\u00a0: toute la subvention va au chef de file.",
  dispositifAide: "Titre de l’appel à projets.",
};

export default async function OpenDataPage() {
  const { grants } = await openDataGrantsCached();

  return (
    <PageContainer>
      <Breadcrumb items={[{ href: "/", label: "Accueil" }, { label: "Données ouvertes" }]} />
      <h1 className="text-3xl">Données ouvertes</h1>
      <p className="mt-3 max-w-3xl text-lg text-grey-800">
        Les subventions attribuées aux projets lauréats des appels à projets dont les résultats sont publiés,
        au format national SCDL «&nbsp;subventions&nbsp;» (version {SCDL_SUBVENTIONS_VERSION})&nbsp;: une
        ligne par bénéficiaire.
      </p>

      <section aria-labelledby="telecharger" className="mt-8">
        <h2 id="telecharger" className="text-2xl">
          Télécharger
        </h2>
        <p className="mt-2">
          {grants.length > 1
            ? `${formatCount(grants.length)} subventions`
            : `${formatCount(grants.length)} subvention`}
          , mises à jour à chaque publication de résultats.
        </p>
        <ul className="mt-4 flex flex-wrap gap-4">
          <li>
            <a
              href="/api/open-data/subventions.csv"
              download
              className="inline-block border border-blue-france px-4 py-2 font-semibold no-underline hover:bg-blue-france-50"
            >
              Télécharger le fichier CSV <span className="font-normal">(séparateur virgule, UTF-8)</span>
            </a>
          </li>
          <li>
            <a
              href="/api/open-data/subventions.json"
              download
              className="inline-block border border-blue-france px-4 py-2 font-semibold no-underline hover:bg-blue-france-50"
            >
              Télécharger le fichier JSON
            </a>
          </li>
        </ul>
      </section>

      <section aria-labelledby="licence" className="mt-10 max-w-3xl">
        <h2 id="licence" className="text-2xl">
          Licence
        </h2>
        <p className="mt-2">
          Ces données sont publiées sous la{" "}
          <a href="https://www.etalab.gouv.fr/licence-ouverte-open-licence/">
            Licence Ouverte / Open Licence version 2.0
          </a>
          &nbsp;: vous pouvez les copier, les modifier, les diffuser et les exploiter librement, y compris à
          des fins commerciales, à condition d’en mentionner la source («&nbsp;Ministère de l’Europe et des
          Affaires étrangères — DCTCIV&nbsp;») et la date de mise à jour.
        </p>
      </section>

      <section aria-labelledby="identifiants" className="mt-10 max-w-3xl">
        <h2 id="identifiants" className="text-2xl">
          Identifiant des bénéficiaires
        </h2>
        <p className="mt-2">
          Le champ <code>idBeneficiaire</code> attend le SIRET du bénéficiaire (14 chiffres, clé de contrôle
          comprise), facultatif dans la version {SCDL_SUBVENTIONS_VERSION} du schéma. Le service connaît le
          SIREN des communes et des intercommunalités (9 chiffres, référentiel officiel), mais pas
          l’établissement qui signe la convention&nbsp;: plutôt que de fabriquer un numéro, le champ reste
          vide. Chaque subvention lauréate figure dans les fichiers, bénéficiaire nommé.
        </p>
      </section>

      <section aria-labelledby="champs" className="mt-10">
        <h2 id="champs" className="text-2xl">
          Description des champs
        </h2>
        <DataTable
          caption={"Champs du schéma SCDL «\u00a0subventions\u00a0» et leur contenu dans ces fichiers"}
          width="max-w-none"
          rowHeaderWeight="font-semibold"
          columns={[
            { label: "Champ" },
            { label: "Obligatoire" },
            { label: "Définition" },
            { label: "Contenu ici" },
          ]}
          rows={SCDL_FIELDS.map((f) => ({
            key: f.name,
            header: (
              <>
                <code>{f.name}</code>
                <span className="block font-normal text-grey-600">{f.title}</span>
              </>
            ),
            cells: [f.required ? "oui" : "non", f.description, FILLED_WITH[f.name]],
          }))}
        />
      </section>
    </PageContainer>
  );
}
