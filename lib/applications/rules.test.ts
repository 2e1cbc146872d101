import { describe, expect, it } from "vitest";
import {
  applicantVisibleStatus,
  countdownLabel,
  formatReceiptNumber,
  isBeforeDeadline,
  missingItems,
  timeLeftLabel,
} from "./rules";
import { type ApplicationForm, applicationFormSchema, emptyApplicationForm } from "./schema";

describe("deadline", () => {
  // 23:59:59 in Paris on 15 March 2027 (winter time, UTC+1).
  const closesAt = new Date("2027-03-15T22:59:59.000Z");
  it("accepts the closing second itself", () => {
    expect(isBeforeDeadline(new Date("2027-03-15T22:59:59.999Z"), closesAt)).toBe(true);
  });
  it("refuses the next second", () => {
    expect(isBeforeDeadline(new Date("2027-03-15T23:00:00.000Z"), closesAt)).toBe(false);
  });
  it("shows a countdown", () => {
    expect(countdownLabel(new Date("2027-03-01T12:00:00Z"), closesAt)).toBe("Clôture dans 14 jours");
    expect(countdownLabel(new Date("2027-03-15T20:00:00Z"), closesAt)).toBe("Clôture dans 2 heures");
    expect(countdownLabel(new Date("2027-03-15T22:58:00Z"), closesAt)).toBe("Clôture dans 1 minute");
    expect(countdownLabel(new Date("2027-03-16T00:00:00Z"), closesAt)).toBe("Clos");
  });
  it("says the time left in the unit that fits (the admin dashboard said « 1 jour » for one minute)", () => {
    expect(timeLeftLabel(new Date("2027-03-15T22:58:00Z"), closesAt)).toBe("1 minute");
    expect(timeLeftLabel(new Date("2027-03-15T20:00:00Z"), closesAt)).toBe("2 heures");
    expect(timeLeftLabel(new Date("2027-03-01T12:00:00Z"), closesAt)).toBe("14 jours");
    expect(timeLeftLabel(new Date("2027-03-16T00:00:00Z"), closesAt)).toBeNull();
  });
});

describe("foreign partners", () => {
  it("refuses France as a foreign partner's country, with a French message", () => {
    const partner = (countryCode: string) => ({
      name: "Ville partenaire",
      kind: applicationFormSchema.shape.partners.element.shape.kind.options[0],
      countryCode,
      contactName: "",
      contactEmail: "",
    });
    const schema = applicationFormSchema.shape.partners;
    const refused = schema.safeParse([partner("FR")]);
    expect(refused.success).toBe(false);
    expect(refused.error?.issues[0]?.message).toBe(
      "Un partenaire étranger ne peut pas être en France\u00a0: choisissez son pays.",
    );
    expect(schema.safeParse([partner("SN")]).success).toBe(true);
  });
});

describe("receipt number", () => {
  it("pads the sequence to four digits", () => {
    expect(formatReceiptNumber(2026, "FSP", 42)).toBe("2026-FSP-0042");
    expect(formatReceiptNumber(2026, "FSP", 12345)).toBe("2026-FSP-12345");
  });
});

describe("missing items", () => {
  const limits = {
    maxGrantCents: 100_000_00,
    maxSharePercent: 50,
    opensAt: new Date("2026-09-01T08:00:00Z"),
    closesAt: new Date("2026-12-15T22:59:59Z"),
  };
  const complete: ApplicationForm = {
    ...emptyApplicationForm,
    title: "Coopération Chambéry – Pristina",
    startDate: "2027-01-01",
    durationMonths: "24",
    summary: "Résumé",
    objectives: "Objectifs",
    expectedResults: "Résultats",
    beneficiaries: "Habitants",
    themes: ["Eau"],
    sdgs: [6],
    partners: [
      { name: "Pristina", kind: "municipality", countryCode: "XK", contactName: "", contactEmail: "" },
    ],
    pairings: [{ organisationId: 1, partnerKey: "XK:Pristina" }],
    expenses: [{ category: "travel", label: "Missions", amount: "20 000" }],
    ownContributions: [{ organisationId: 1, amount: "10 000" }],
    requestedAmount: "10 000",
  };
  const docs = [
    { id: "d1", label: "Délibération", mandatory: true, uploaded: true },
    { id: "d2", label: "Budget détaillé", mandatory: false, uploaded: false },
  ];

  it("finds nothing missing in a complete application", () => {
    expect(missingItems(complete, limits, docs)).toEqual([]);
  });

  it("lists each missing piece with its step and field", () => {
    const items = missingItems(emptyApplicationForm, limits, [
      { ...docs[0], uploaded: false } as (typeof docs)[0],
    ]);
    const fields = items.map((i) => i.field);
    expect(fields).toContain("title");
    expect(fields).toContain("partner-name");
    expect(fields).toContain("summary");
    expect(fields).toContain("add-expense");
    expect(fields).toContain("document-d1");
    expect(items.every((i) => i.message.endsWith("."))).toBe(true);
  });

  it("refuses a blank title, even once saved as the placeholder", () => {
    for (const title of ["", "   ", "ab", "Dossier sans titre", " Dossier sans titre "]) {
      const items = missingItems({ ...complete, title }, limits, docs);
      expect(items.map((i) => i.field)).toEqual(["title"]);
    }
  });

  it("refuses a start date of 1990 and one far after the closing", () => {
    expect(missingItems({ ...complete, startDate: "1990-01-01" }, limits, docs)).toEqual([
      {
        step: "projet",
        field: "startDate",
        message: "La date de début du projet ne peut pas précéder l’ouverture de l’appel (01/09/2026).",
      },
    ]);
    const late = missingItems({ ...complete, startDate: "2062-01-01" }, limits, docs);
    expect(late.map((i) => i.field)).toEqual(["startDate"]);
    expect(late[0]?.message).toContain("au plus tard le 15/12/2028");
  });

  it("refuses a missing or out-of-bounds duration", () => {
    for (const durationMonths of ["", "0", "37", "60"]) {
      const items = missingItems({ ...complete, durationMonths }, limits, docs);
      expect(items.map((i) => i.field)).toEqual(["durationMonths"]);
    }
  });

  it("asks for a pairing of every partner", () => {
    const items = missingItems({ ...complete, pairings: [] }, limits, docs);
    expect(items.map((i) => i.field)).toEqual(["pairing-organisation"]);
  });

  it("reports an unbalanced budget and a request above the share", () => {
    const items = missingItems({ ...complete, requestedAmount: "15 000" }, limits, docs);
    expect(items.map((i) => i.message)).toEqual([
      "Le budget n’est pas équilibré\u00a0: le total des ressources doit égaler le total des dépenses.",
      "Le montant demandé dépasse 50\u00a0% du budget total, la part maximale de l’appel.",
    ]);
  });
});

describe("status shown to the applicant", () => {
  it("hides a decision until the results are published", () => {
    expect(applicantVisibleStatus("accepted", false)).toBe("in_review");
    expect(applicantVisibleStatus("rejected", false)).toBe("in_review");
    expect(applicantVisibleStatus("accepted", true)).toBe("accepted");
    expect(applicantVisibleStatus("draft", false)).toBe("draft");
  });
});
