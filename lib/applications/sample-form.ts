import { type ApplicationForm, emptyApplicationForm } from "./schema";

function firstOfNextMonth(now = new Date()) {
  const next = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + 1, 1));
  return next.toISOString().slice(0, 10);
}

type Organisation = { id: number; name: string };

/**
 * A complete application form, as the submission requires it (every mandatory
 * field, a co-applicant paired with a foreign partner, a balanced budget), led
 * by `lead` with `co` as co-applicant. For tests, the benchmarks and the fault
 * scripts, which need many submittable drafts; not used by the app.
 */
export function completeApplicationForm(
  lead: Organisation,
  co: Organisation,
  title?: string,
): ApplicationForm {
  return {
    ...emptyApplicationForm,
    title: title ?? `Eau potable ${lead.name}`,
    // The first of next month: within the window of a call open today (schedule.ts), whatever the day the tests run.
    startDate: firstOfNextMonth(),
    durationMonths: "24",
    summary: "Résumé du projet.",
    objectives: "Objectifs du projet.",
    expectedResults: "Résultats attendus.",
    beneficiaries: "Habitants des deux territoires.",
    themes: ["Eau"],
    sdgs: [6],
    coApplicants: [{ organisationId: co.id, name: co.name }],
    partners: [
      { name: "Pristina", kind: "municipality", countryCode: "XK", contactName: "", contactEmail: "" },
    ],
    pairings: [{ organisationId: co.id, partnerKey: "XK:Pristina" }],
    expenses: [{ category: "travel", label: "Missions", amount: "20\u202f000" }],
    ownContributions: [{ organisationId: lead.id, amount: "10\u202f000" }],
    requestedAmount: "10\u202f000",
  };
}
