import { and, asc, eq, like } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDb } from "@/db/client";
import {
  applications,
  auditEvents,
  budgetLines,
  calls,
  decisions,
  emailOutbox,
  grantInstalments,
  grants,
  memberships,
  organisations,
  progressReports,
  users,
} from "@/db/schema";
import { recordPayment, reviewReport, sendAgreements, signAgreement, submitReport } from "./record";
import { sendReportReminders } from "./reminders";

const url = process.env.TEST_DATABASE_URL;
if (!url) throw new Error("TEST_DATABASE_URL is not set: run with `npm run test:integration`.");
const { db, close } = createDb(url, { max: 4 });
afterAll(close);

const stamp = Date.now().toString(36).toUpperCase();
const email = `grant-${stamp.toLowerCase()}@exemple.fr`;
let callId = "";
let applicationId = "";
let userId = "";
let leadOrganisationId = 0;

const grantRow = async () => {
  const [g] = await db.select().from(grants).where(eq(grants.applicationId, applicationId));
  if (!g) throw new Error("no grant");
  return g;
};
const instalments = () =>
  db
    .select()
    .from(grantInstalments)
    .where(eq(grantInstalments.grantId, grantIdOf()))
    .orderBy(asc(grantInstalments.position));
let grantId = "";
const grantIdOf = () => grantId;
const expenses = (actual: number[]) =>
  actual.map((a, i) => ({ label: `Ligne ${i + 1}`, plannedCents: 40_000_00, actualCents: a }));

beforeAll(async () => {
  const [user] = await db.insert(users).values({ email, name: "Signataire" }).returning();
  if (!user) throw new Error("no user");
  userId = user.id;
  const [org] = await db
    .select({ id: organisations.id })
    .from(organisations)
    .where(eq(organisations.kind, "commune"))
    .orderBy(organisations.id)
    .offset(40)
    .limit(1);
  if (!org) throw new Error("no commune");
  leadOrganisationId = org.id;
  await db.insert(memberships).values({ userId, organisationId: org.id, role: "manager", status: "active" });
  const [call] = await db
    .insert(calls)
    .values({
      slug: `conventions-${stamp.toLowerCase()}`,
      code: `G${stamp.slice(-5)}`,
      year: 2096,
      title: `Appel pluriannuel ${stamp}`,
      opensAt: new Date("2025-01-01T00:00:00Z"),
      closesAt: new Date("2025-03-01T00:00:00Z"),
      maxGrantCents: 100_000_00,
      maxSharePercent: 70,
      envelopeCents: 1_000_000_00,
      grantYears: 2,
      lastReceiptSeq: 1,
      finalBalancePercent: 20,
      resultsPublishedAt: new Date("2025-06-01T00:00:00Z"),
    })
    .returning();
  if (!call) throw new Error("no call");
  callId = call.id;
  const [application] = await db
    .insert(applications)
    .values({
      callId,
      leadOrganisationId: org.id,
      title: "Eau potable à Kayes",
      status: "accepted",
      receiptNumber: `2096-G${stamp.slice(-5)}-0001`,
      // In the future: no report of this grant is ever overdue while other suites submit for the same commune.
      startDate: "2030-09-01",
      durationMonths: 24,
      requestedAmountCents: 50_000_00,
      submittedAt: new Date("2025-02-01T00:00:00Z"),
    })
    .returning();
  if (!application) throw new Error("no application");
  applicationId = application.id;
  await db.insert(budgetLines).values([
    { applicationId, kind: "expense", label: "Ligne 1", amountCents: 40_000_00, position: 0 },
    { applicationId, kind: "expense", label: "Ligne 2", amountCents: 40_000_00, position: 1 },
    { applicationId, kind: "own_contribution", label: "Commune", amountCents: 30_000_00, position: 2 },
  ]);
  await db.insert(decisions).values({
    applicationId,
    outcome: "accepted",
    grantedAmountCents: 50_000_00,
    decidedAt: new Date("2025-05-20T08:00:00Z"),
  });
});

describe("a two-year grant from the agreement to the balance", () => {
  it("generates the agreement from the decision and the call's rules, once", async () => {
    expect(await db.transaction((tx) => sendAgreements(tx, callId, null))).toBe(1);
    expect(await db.transaction((tx) => sendAgreements(tx, callId, null))).toBe(0);
    const g = await grantRow();
    grantId = g.id;
    expect(g).toMatchObject({
      status: "agreement_sent",
      grantedCents: 50_000_00,
      years: 2,
      startsOn: "2030-09-01",
      endsOn: "2032-09-01",
      reportDueDates: ["2031-09-01", "2032-12-01"],
      reference: `2096-G${stamp.slice(-5)}-0001-C`,
    });
    // 25 000 € a year; of the last year 80 % before the final report, 20 % after.
    expect((await instalments()).map((i) => [i.kind, i.plannedCents, i.releasedByReport, i.status])).toEqual([
      ["annual", 25_000_00, null, "waiting"],
      ["annual", 20_000_00, 1, "waiting"],
      ["balance", 5_000_00, 2, "waiting"],
    ]);
    const mails = await db.select().from(emailOutbox).where(eq(emailOutbox.toAddress, email));
    expect(mails.map((m) => m.template)).toEqual(["agreement-sent"]);
  });

  it("signs once: the first instalment becomes due, a second signature is refused", async () => {
    const g = await grantRow();
    const input = {
      grantId: g.id,
      applicationId,
      version: g.version,
      signatoryName: "Claude Martin",
      signatoryFunction: "Maire",
      userId,
    };
    await db.transaction((tx) => signAgreement(tx, input));
    await expect(db.transaction((tx) => signAgreement(tx, input))).rejects.toThrow(/entre-temps/);
    expect((await grantRow()).status).toBe("agreement_signed");
    expect((await instalments()).map((i) => i.status)).toEqual(["due", "waiting", "waiting"]);
  });

  it("pays the first instalment, sends the payment notice, and refuses to pay it twice", async () => {
    const [first] = await instalments();
    const pay = {
      grant: await grantRow(),
      leadOrganisationId,
      instalmentId: first?.id ?? "",
      paidCents: 25_000_00,
      paidOn: "2025-10-15",
      reference: "MANDAT-1",
      actorId: userId,
    };
    await db.transaction((tx) => recordPayment(tx, pay));
    await expect(db.transaction((tx) => recordPayment(tx, pay))).rejects.toThrow(/entre-temps/);
    expect((await instalments())[0]).toMatchObject({
      status: "paid",
      paidCents: 25_000_00,
      paidOn: "2025-10-15",
    });
    const notices = await db
      .select()
      .from(emailOutbox)
      .where(and(eq(emailOutbox.toAddress, email), eq(emailOutbox.template, "payment-notice")));
    expect(notices).toHaveLength(1);
  });

  it("sends the interim report back once, then accepts it: the second instalment becomes due", async () => {
    const report = {
      applicationId,
      position: 1,
      kind: "intermediate" as const,
      userId,
      body: "Forages réalisés.",
      results: "Deux puits.",
      difficulties: "",
      expenses: expenses([30_000_00, 10_000_00]),
    };
    const reportId = await db.transaction((tx) => submitReport(tx, report));
    // Sent again while DCTCIV examines it: refused, nothing changes.
    await expect(db.transaction((tx) => submitReport(tx, report))).rejects.toThrow(/entre-temps/);
    await db.transaction(async (tx) =>
      reviewReport(tx, {
        grant: await grantRow(),
        leadOrganisationId,
        reportId,
        accept: false,
        comment: "Joignez les factures du forage.",
        actorId: userId,
      }),
    );
    expect((await instalments())[1]?.status).toBe("waiting");
    const again = await db.transaction((tx) =>
      submitReport(tx, { ...report, body: "Forages réalisés, factures jointes." }),
    );
    expect(again).toBe(reportId);
    const { released } = await db.transaction(async (tx) =>
      reviewReport(tx, {
        grant: await grantRow(),
        leadOrganisationId,
        reportId,
        accept: true,
        comment: "",
        actorId: userId,
      }),
    );
    expect(released).toBe(20_000_00);
    expect((await instalments()).map((i) => i.status)).toEqual(["paid", "due", "waiting"]);
    const events = await db
      .select({ action: auditEvents.action })
      .from(auditEvents)
      .where(and(eq(auditEvents.subjectId, reportId), like(auditEvents.action, "progress_report.%")))
      .orderBy(asc(auditEvents.id));
    expect(events.map((e) => e.action)).toEqual([
      "progress_report.submitted",
      "progress_report.changes_requested",
      "progress_report.submitted",
      "progress_report.accepted",
    ]);
  });

  it("settles on the final report: 70 % of the 60 000 € actually spent lowers the balance, then closes", async () => {
    const [, second] = await instalments();
    await db.transaction(async (tx) =>
      recordPayment(tx, {
        grant: await grantRow(),
        leadOrganisationId,
        instalmentId: second?.id ?? "",
        paidCents: 20_000_00,
        paidOn: "2026-10-01",
        reference: "MANDAT-2",
        actorId: userId,
      }),
    );
    const reportId = await db.transaction((tx) =>
      submitReport(tx, {
        applicationId,
        position: 2,
        kind: "final",
        userId,
        body: "Projet achevé.",
        results: "Réseau d’eau en service.",
        difficulties: "",
        expenses: expenses([35_000_00, 25_000_00]),
      }),
    );
    await db.transaction(async (tx) =>
      reviewReport(tx, {
        grant: await grantRow(),
        leadOrganisationId,
        reportId,
        accept: true,
        comment: "",
        actorId: userId,
      }),
    );
    // Allowed: min(50 000, 70 % × 60 000 = 42 000) = 42 000; paid 45 000: the balance is cancelled, 3 000 owed back.
    const g = await grantRow();
    expect(g).toMatchObject({ actualExpensesCents: 60_000_00, refundOwedCents: 3_000_00, status: "closed" });
    expect((await instalments()).map((i) => [i.status, i.plannedCents])).toEqual([
      ["paid", 25_000_00],
      ["paid", 20_000_00],
      ["cancelled", 0],
    ]);
    const [report] = await db.select().from(progressReports).where(eq(progressReports.id, reportId));
    expect(report?.status).toBe("accepted");
  });
});

describe("reminders of reports due soon or overdue", () => {
  it("writes one e-mail per report and kind, however many nodes run the job at once", async () => {
    const iso = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
    const [other] = await db
      .insert(applications)
      .values({
        callId,
        leadOrganisationId,
        title: "Projet aux rapports attendus",
        status: "accepted",
        receiptNumber: `2096-G${stamp.slice(-5)}-0002`,
        submittedAt: new Date("2025-02-01T00:00:00Z"),
      })
      .returning();
    await db.update(calls).set({ lastReceiptSeq: 2 }).where(eq(calls.id, callId));
    await db.insert(grants).values({
      applicationId: other?.id ?? "",
      status: "agreement_signed",
      reference: `2096-G${stamp.slice(-5)}-0002-C`,
      beneficiaryName: "Commune",
      projectTitle: "Projet aux rapports attendus",
      grantedCents: 10_000_00,
      years: 2,
      finalBalancePercent: 20,
      maxSharePercent: 70,
      startsOn: iso(-355),
      durationMonths: 13,
      endsOn: iso(40),
      // The interim report ten days late, the final one due in ten days.
      reportDueDates: [iso(-10), iso(10)],
      signedAt: new Date(),
      signatoryName: "Claude Martin",
      signatoryFunction: "Maire",
    });
    await Promise.all([sendReportReminders(db), sendReportReminders(db), sendReportReminders(db)]);
    await sendReportReminders(db);
    const mails = await db
      .select({ template: emailOutbox.template, subject: emailOutbox.subject })
      .from(emailOutbox)
      .where(and(eq(emailOutbox.toAddress, email), like(emailOutbox.template, "report-%")));
    expect(mails.filter((m) => m.template === "report-reviewed")).toHaveLength(3);
    const reminders = mails.filter((m) => m.template !== "report-reviewed");
    expect(reminders.map((m) => m.template).sort()).toEqual(["report-overdue", "report-reminder"]);
    expect(reminders.find((m) => m.template === "report-overdue")?.subject).toMatch(
      /^Rapport intermédiaire n°\s1 en retard/,
    );
  });
});
