import { describe, expect, it } from "vitest";
import { missingItems } from "./rules";
import { applicationFormSchema, emptyApplicationForm } from "./schema";

// French typography of the messages the applicant reads: grouped digits, a
// no-break space before « : » and « % » and between a number and its noun.
const BAD_SPACE = /[^\S\u00a0\u202f]([:;!?%»])|«[^\S\u00a0\u202f]|\d[^\S\u00a0\u202f](caractères|mois)/u;

describe("French typography of the form's messages", () => {
  it("writes « 5 000 caractères » with grouped digits and a no-break space", () => {
    const result = applicationFormSchema.safeParse({ ...emptyApplicationForm, objectives: "x".repeat(6000) });
    expect(result.success).toBe(false);
    const message = result.error?.issues.find((i) => i.path[0] === "objectives")?.message;
    expect(message).toBe("Les objectifs ne doivent pas dépasser 5\u202f000\u00a0caractères.");
    const summary = applicationFormSchema.safeParse({ ...emptyApplicationForm, summary: "x".repeat(3001) });
    expect(summary.error?.issues[0]?.message).toBe(
      "Le résumé ne doit pas dépasser 3\u202f000\u00a0caractères.",
    );
  });

  it("never puts an ordinary space before a high sign in the completeness messages", () => {
    const items = missingItems(
      { ...emptyApplicationForm, startDate: "1990-01-01", durationMonths: "99", requestedAmount: "10" },
      {
        maxGrantCents: 100_000_00,
        maxSharePercent: 50,
        opensAt: new Date("2026-09-01T08:00:00Z"),
        closesAt: new Date("2026-12-15T22:59:59Z"),
      },
      [{ id: "d1", label: "Délibération", mandatory: true, uploaded: false }],
    );
    expect(items.length).toBeGreaterThan(5);
    for (const item of items) expect(item.message).not.toMatch(BAD_SPACE);
  });
});
