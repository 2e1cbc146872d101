/**
 * The demo personas: one fictitious account per role, offered by the sign-in
 * page in demo mode and listed in the README. Pure data (no database access),
 * so any page can import it.
 */

export const DEMO_EMAIL_DOMAIN = "demo.cooperation.example";

export type PersonaKey =
  | "applicant-thiers"
  | "applicant-other"
  | "reviewer"
  | "reviewer-2"
  | "admin"
  | "editor-resacoop"
  | "editor-other";

export type Persona = {
  key: PersonaKey;
  email: string;
  givenName: string;
  usualName: string;
  name: string;
  /** What the persona can do, in French, as the sign-in page shows it. */
  role: string;
};

const persona = (key: PersonaKey, givenName: string, usualName: string, role: string): Persona => ({
  key,
  email: `${key}@${DEMO_EMAIL_DOMAIN}`,
  givenName,
  usualName,
  name: `${givenName} ${usualName}`,
  role,
});

export const PERSONAS: readonly Persona[] = [
  persona(
    "applicant-thiers",
    "Camille",
    "Fournier",
    "Candidate : agente de la Ville de Thiers (gestionnaire), avec un brouillon sur l'appel ouvert et un dossier en attente de compléments",
  ),
  // Another commune, outside Auvergne-Rhône-Alpes (Nantes, région 52), so that
  // tests can check that one authority never sees another's applications and
  // that RESACOOP's editor has no say on its projects.
  persona(
    "applicant-other",
    "Julien",
    "Lemoine",
    "Candidat : agent de la Ville de Nantes (gestionnaire), dossiers sur plusieurs appels",
  ),
  persona(
    "reviewer",
    "Nicolas",
    "Lefèvre",
    "Instructeur DCTCIV : évalue les dossiers des appels qui lui sont confiés",
  ),
  persona("reviewer-2", "Sophie", "Bernard", "Instructrice DCTCIV : seconde évaluation des dossiers"),
  persona(
    "admin",
    "Isabelle",
    "Moreau",
    "Administratrice DCTCIV : gère les appels, affecte les instructeurs, décide et publie les résultats",
  ),
  // Also a manager of RESACOOP as an organisation, since RESACOOP leads two 2025 projects.
  persona(
    "editor-resacoop",
    "Mathieu",
    "Rousseau",
    "Éditeur du réseau RESACOOP (Auvergne-Rhône-Alpes) : rédige le suivi des lauréats de la région ; gestionnaire des dossiers portés par RESACOOP",
  ),
  persona(
    "editor-other",
    "Gwenaëlle",
    "Le Bihan",
    "Éditrice du Réseau Bretagne Solidaire (fictif) : n'a aucun droit sur les projets d'Auvergne-Rhône-Alpes",
  ),
];

export function personaByKey(key: PersonaKey): Persona {
  const found = PERSONAS.find((p) => p.key === key);
  if (!found) throw new Error(`Unknown persona ${key}`);
  return found;
}
