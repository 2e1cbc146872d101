/**
 * Fictitious content shared by the demo seed and the scale generator: partner
 * and operator pools, criteria, budgets, reviews. Pure functions of a Random.
 */
import type { budgetLines } from "../schema";
import type { Random } from "./random";

type ForeignPartnerKind =
  | "commune"
  | "municipality"
  | "city"
  | "province"
  | "region"
  | "federation_of_municipalities"
  | "national_park"
  | "other";

export type PartnerSeed = { name: string; kind: ForeignPartnerKind; countryCode: string };

/**
 * Partners of the fictitious projects. Real place names so that the map and the
 * country statistics look plausible, but every row is marked `is_fictitious`,
 * and none is one of the real 2025 partners (their rows stay real).
 */
export const FICTITIOUS_PARTNERS: readonly PartnerSeed[] = [
  ["Ziguinchor", "commune", "SN"],
  ["Podor", "commune", "SN"],
  ["Chefchaouen", "commune", "MA"],
  ["Essaouira", "commune", "MA"],
  ["Région de l'Oriental", "region", "MA"],
  ["Sousse", "municipality", "TN"],
  ["Kairouan", "municipality", "TN"],
  ["Tlemcen", "commune", "DZ"],
  ["Abomey", "commune", "BJ"],
  ["Ouidah", "commune", "BJ"],
  ["Tsévié", "commune", "TG"],
  ["Kpalimé", "commune", "TG"],
  ["Antsirabe", "commune", "MG"],
  ["Région Haute Matsiatra", "region", "MG"],
  ["Dschang", "commune", "CM"],
  ["Bangangté", "commune", "CM"],
  ["Koudougou", "commune", "BF"],
  ["Rosso", "commune", "MR"],
  ["Grand-Bassam", "commune", "CI"],
  ["Bouaké", "commune", "CI"],
  ["Kindia", "city", "GN"],
  ["Lambaréné", "commune", "GA"],
  ["São Vicente", "municipality", "CV"],
  ["Jacmel", "commune", "HT"],
  ["Cap-Haïtien", "commune", "HT"],
  ["Hội An", "city", "VN"],
  ["Province de Thừa Thiên-Huế", "province", "VN"],
  ["Luang Prabang", "city", "LA"],
  ["Province de Siem Reap", "province", "KH"],
  ["Byblos", "municipality", "LB"],
  ["Tyr", "municipality", "LB"],
  ["Bethléem", "municipality", "PS"],
  ["Jéricho", "municipality", "PS"],
  ["Berat", "municipality", "AL"],
  ["Mostar", "city", "BA"],
  ["Gjakova", "municipality", "XK"],
  ["Gumri", "city", "AM"],
  ["Koutaïssi", "city", "GE"],
  ["Orhei", "city", "MD"],
  ["Cahul", "city", "MD"],
  ["Tchernihiv", "city", "UA"],
  ["Vinnytsia", "city", "UA"],
  ["Jytomyr", "city", "UA"],
  ["Poltava", "city", "UA"],
  ["Oblast de Lviv", "region", "UA"],
  ["Villa de Leyva", "municipality", "CO"],
  ["Salento", "municipality", "CO"],
  ["Paraty", "municipality", "BR"],
  ["Belém", "city", "BR"],
  ["Valparaíso", "municipality", "CL"],
  ["Oaxaca de Juárez", "city", "MX"],
  ["Cusco", "city", "PE"],
  ["Sucre", "municipality", "BO"],
  ["Ushuaia", "municipality", "AR"],
  ["Baie-Saint-Paul", "municipality", "CA"],
  ["Pondichéry", "city", "IN"],
  ["Moroni", "city", "KM"],
].map(([name, kind, countryCode]) => ({ name, kind, countryCode }) as PartnerSeed);

export const FICTITIOUS_OPERATORS = [
  { name: "Association Horizons partagés (fictive)", kind: "association" },
  { name: "Eau Vive Solidarité (fictive)", kind: "ngo" },
  { name: "Fondation Terres d'avenir (fictive)", kind: "foundation" },
  { name: "Collectif Jeunesse sans frontières (fictif)", kind: "association" },
  { name: "Agronomes et territoires (fictive)", kind: "ngo" },
  { name: "Patrimoines vivants (fictive)", kind: "association" },
] as const;

export type CriterionSeed = { label: string; helpText: string; weight: number; maxScore: number };

export const CRITERIA = {
  relevance: {
    label: "Pertinence au regard des priorités de l'appel",
    helpText: "Le projet répond-il aux objectifs et aux thèmes de l'appel ?",
    weight: 3,
    maxScore: 20,
  },
  partnership: {
    label: "Qualité et réciprocité du partenariat",
    helpText: "Implication réelle des collectivités partenaires, gouvernance partagée.",
    weight: 3,
    maxScore: 20,
  },
  impact: {
    label: "Impact pour les populations et les territoires",
    helpText: "Bénéficiaires, résultats attendus et indicateurs de suivi.",
    weight: 2,
    maxScore: 20,
  },
  budget: {
    label: "Cohérence et réalisme du budget",
    helpText: "Dépenses justifiées, cofinancements identifiés, équilibre du plan de financement.",
    weight: 2,
    maxScore: 10,
  },
  sustainability: {
    label: "Durabilité et pérennité des actions",
    helpText: "Les actions se poursuivront-elles après la fin du financement ?",
    weight: 1,
    maxScore: 10,
  },
  youth: {
    label: "Place des jeunes dans le projet",
    helpText: "Les jeunes sont-ils acteurs du projet, et pas seulement bénéficiaires ?",
    weight: 2,
    maxScore: 10,
  },
  climate: {
    label: "Contribution à l'adaptation et à l'atténuation",
    helpText: "Effets attendus sur le climat et la biodiversité, mesurables.",
    weight: 2,
    maxScore: 10,
  },
} satisfies Record<string, CriterionSeed>;

export const MIME = {
  pdf: "application/pdf",
  jpeg: "image/jpeg",
  png: "image/png",
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
} as const;

export const REQUIRED_DOCUMENTS = {
  deliberation: { label: "Délibération de la collectivité", mandatory: true, acceptedTypes: [MIME.pdf] },
  partnerLetter: {
    label: "Lettre d'engagement du partenaire étranger",
    mandatory: true,
    acceptedTypes: [MIME.pdf, MIME.jpeg, MIME.png],
  },
  budget: { label: "Budget détaillé", mandatory: false, acceptedTypes: [MIME.pdf, MIME.xlsx] },
} as const;

const EXPENSES: readonly { category: string; label: string }[] = [
  { category: "personnel", label: "Frais de personnel dédiés au projet" },
  { category: "travel", label: "Missions et déplacements des délégations" },
  { category: "equipment", label: "Équipements et petits travaux" },
  { category: "services", label: "Prestations d'expertise et d'études" },
  { category: "communication", label: "Communication et valorisation" },
  { category: "services", label: "Formations et ateliers d'échange" },
  { category: "overheads", label: "Frais de gestion" },
  { category: "other", label: "Accueil de délégations partenaires" },
];

const COFUNDERS = [
  "Agence française de développement (FICOL)",
  "Conseil régional (fonds de coopération)",
  "Union européenne (programme de coopération)",
  "Fondation Solidarités locales (fictive)",
  "Agence de l'eau (1 % solidaire)",
];

export type BudgetLineRow = typeof budgetLines.$inferInsert & { id: string };

const EURO = 100;

/** Rounds cents to a whole number of `step` euros. */
export function roundEuros(cents: number, step = 1) {
  return Math.round(cents / (step * EURO)) * step * EURO;
}

/**
 * A balanced budget around a requested amount: the expenses add up to the
 * request plus own contributions plus co-financing, and the request is at most
 * `maxSharePercent` of the total.
 */
export function makeBudget(
  rng: Random,
  input: {
    applicationId: string;
    requestedCents: number;
    maxSharePercent: number;
    /** French participants who contribute (lead first). */
    contributors: readonly { id: number; name: string }[];
    newId: () => string;
    /** How many expense lines, at least and at most (4–8 by default). */
    expenseLines?: [number, number];
  },
): { lines: BudgetLineRow[]; totalCents: number } {
  const share = rng.int(Math.min(30, input.maxSharePercent), input.maxSharePercent);
  const total = Math.ceil((input.requestedCents * 100) / share / (100 * EURO)) * 100 * EURO;
  const lines: BudgetLineRow[] = [];
  let position = 0;
  const push = (line: Omit<BudgetLineRow, "id" | "applicationId" | "position">) =>
    lines.push({ id: input.newId(), applicationId: input.applicationId, position: position++, ...line });

  // Expenses: 4 to 8 lines, whole euros, the last one takes the remainder.
  const [fewest, most] = input.expenseLines ?? [4, 8];
  const count = rng.int(fewest, most);
  const chosen = rng.sample(EXPENSES, count);
  const weights = chosen.map(() => rng.float(0.5, 2));
  const weightSum = weights.reduce((a, b) => a + b, 0);
  let left = total;
  chosen.forEach((expense, i) => {
    const amount = i === chosen.length - 1 ? left : roundEuros((total * (weights[i] ?? 1)) / weightSum, 10);
    left -= amount;
    push({ kind: "expense", category: expense.category, label: expense.label, amountCents: amount });
  });

  // Resources other than the ministry: co-financing sometimes, own contributions for the rest.
  let remaining = total - input.requestedCents;
  if (remaining > 0 && rng.chance(0.45)) {
    const cofinancing = roundEuros(remaining * rng.float(0.15, 0.5), 100);
    if (cofinancing > 0 && cofinancing < remaining) {
      const funderName = rng.pick(COFUNDERS);
      push({
        kind: "cofinancing",
        label: `Cofinancement : ${funderName}`,
        amountCents: cofinancing,
        funderName,
      });
      remaining -= cofinancing;
    }
  }
  const contributors = input.contributors.slice(
    0,
    remaining > 0 ? rng.int(1, Math.min(2, input.contributors.length)) : 0,
  );
  contributors.forEach((contributor, i) => {
    const amount =
      i === contributors.length - 1 ? remaining : roundEuros(remaining * rng.float(0.2, 0.4), 100);
    remaining -= amount;
    push({
      kind: "own_contribution",
      label: `Apport de ${contributor.name}`,
      amountCents: amount,
      organisationId: contributor.id,
    });
  });
  return { lines, totalCents: total };
}

/** A requested amount in whole hundreds of euros between `min` euros and the call's maximum. */
export function requestedAmount(rng: Random, maxGrantCents: number, minEuros = 15_000) {
  const max = maxGrantCents / EURO;
  return Math.round(rng.float(minEuros, max) / 500) * 500 * EURO;
}

export type Recommendation = "accept" | "reject" | "reservations";

/** Scores per criterion around a quality in [0, 1], and the recommendation they imply. */
export function makeScores(
  rng: Random,
  criteria: readonly { maxScore: number; weight: number }[],
  quality: number,
): { scores: number[]; recommendation: Recommendation } {
  const scores = criteria.map((c) => {
    const q = Math.min(1, Math.max(0, quality + rng.float(-0.12, 0.12)));
    return Math.round(q * c.maxScore);
  });
  let weighted = 0;
  let weights = 0;
  criteria.forEach((c, i) => {
    weighted += ((scores[i] ?? 0) / c.maxScore) * c.weight;
    weights += c.weight;
  });
  const mean = weighted / weights;
  const recommendation: Recommendation = mean >= 0.68 ? "accept" : mean >= 0.5 ? "reservations" : "reject";
  return { scores, recommendation };
}

/** Quality of a project as the reviewers perceive it: accepted ones score higher on average. */
export function qualityFor(rng: Random, accepted: boolean) {
  return accepted ? rng.float(0.62, 0.95) : rng.float(0.22, 0.64);
}

export const REVIEW_COMMENTS: Record<Recommendation, readonly string[]> = {
  accept: [
    "Projet solide, partenariat ancien et équilibré. Avis favorable.",
    "Objectifs clairs, indicateurs pertinents et budget cohérent. Avis favorable.",
    "Très bonne implication des partenaires étrangers ; résultats attendus mesurables.",
  ],
  reservations: [
    "Projet intéressant mais plan de financement à consolider.",
    "Avis favorable sous réserve de préciser le rôle du partenaire étranger.",
    "Pertinent, mais les indicateurs de suivi restent à préciser.",
  ],
  reject: [
    "Le lien avec les priorités de l'appel est insuffisamment démontré.",
    "Partenariat peu formalisé et budget déséquilibré.",
    "Actions dispersées, résultats attendus peu mesurables.",
  ],
};

export const REJECTION_REASONS = [
  "Le projet ne s'inscrit pas suffisamment dans les priorités de l'appel.",
  "Le partenariat avec la collectivité étrangère n'est pas suffisamment formalisé.",
  "Le plan de financement n'est pas équilibré ou les cofinancements ne sont pas confirmés.",
  "L'enveloppe de l'appel ne permet pas de retenir tous les projets de qualité ; ce projet a obtenu une note inférieure au seuil.",
  "Les résultats attendus et les indicateurs de suivi ne sont pas assez précis.",
];

export const WITHDRAWAL_REASONS = [
  "Le conseil municipal a reporté la délibération ; nous déposerons le projet l'an prochain.",
  "Le partenaire étranger n'est plus en mesure de s'engager cette année.",
];

/** Project topics by theme, used to write fictitious titles (« <topic> avec <partner> »). */
export const TOPICS: Record<string, readonly string[]> = {
  general: [
    "Appui à la gouvernance locale et aux services publics",
    "Gestion de l'eau et de l'assainissement",
    "Développement économique local et artisanat",
    "Modernisation de l'état civil",
    "Gestion des déchets ménagers",
  ],
  youth: [
    "Échanges de jeunes et volontariat de réciprocité",
    "Conseils municipaux de jeunes : échanges de pratiques",
    "Insertion professionnelle des jeunes",
  ],
  climate: [
    "Plan climat territorial partagé",
    "Restauration de zones humides",
    "Reboisement et agroforesterie",
    "Énergies renouvelables pour les équipements publics",
  ],
  food: [
    "Circuits courts et restauration scolaire",
    "Appui aux filières maraîchères",
    "Greniers communautaires",
  ],
  francophonie: [
    "Lecture publique et médiathèques francophones",
    "Formation des agents territoriaux en français",
  ],
  ukraine: [
    "Reconstruction d'équipements publics",
    "Accueil et soutien psychosocial des déplacés",
    "Chauffage des écoles",
  ],
  mediterranean: [
    "Tourisme durable en Méditerranée",
    "Gestion intégrée du littoral",
    "Valorisation des médinas",
  ],
  africa: ["Santé communautaire", "Fiscalité locale et ressources propres", "Électrification rurale"],
  culture: [
    "Valorisation du patrimoine bâti",
    "Festivals et échanges artistiques",
    "Musées et mémoire partagée",
  ],
  americas: [
    "Tourisme rural et communautaire",
    "Gestion des risques naturels",
    "Coopération universitaire territoriale",
  ],
};
