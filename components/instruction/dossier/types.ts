import type { loadApplicationDetails } from "@/lib/review/application";

/** What the dossier's sections read besides the core: participants, budget, documents, decision, history. */
export type DossierDetails = Awaited<ReturnType<typeof loadApplicationDetails>>;
