import { mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { and, eq, inArray, like } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDb } from "@/db/client";
import {
  applicationStatusCounts,
  applications,
  auditEvents,
  calls,
  emailOutbox,
  grants,
  organisations,
  progressReports,
  requiredDocuments,
  users,
} from "@/db/schema";
import { storeRequiredDocument } from "@/lib/files/uploads";
import { writeApplicationForm } from "./persist";
import { formatReceiptNumber } from "./rules";
import { completeApplicationForm } from "./sample-form";
import { submitDraft } from "./submit";

// Enough connections for the submissions to really run at the same time.
const url = process.env.TEST_DATABASE_URL;
if (!url) throw new Error("TEST_DATABASE_URL is not set: run with `npm run test:integration`.");
const { db, close } = createDb(url, { max: 12 });
afterAll(close);

const PARALLEL = 10;
const stamp = Date.now().toString(36).toUpperCase();
const code = `S${stamp.slice(-5)}`;
let openCallId = "";
let closedCallId = "";
let userId = "";
let userEmail = "";
let communes: { id: number; name: string }[] = [];
const pdf = new TextEncoder().encode("%PDF-1.7\n%test\n%%EOF\n");

async function makeCall(slug: string, callCode: string, closesAt: Date) {
  const [call] = await db
    .insert(calls)
    .values({
      slug,
      code: callCode,
      year: 2097,
      title: `Appel ${slug}`,
      opensAt: new Date(Date.now() - 3 * 86_400_000),
      closesAt,
      maxGrantCents: 100_000_00,
      maxSharePercent: 50,
      envelopeCents: 1_000_000_00,
    })
    .returning();
  if (!call) throw new Error("no call");
  const [doc] = await db
    .insert(requiredDocuments)
    .values({ callId: call.id, position: 1, label: "Délibération", acceptedTypes: ["application/pdf"] })
    .returning();
  return { callId: call.id, documentId: doc?.id ?? "" };
}

/** A complete draft (form, mandatory document) led by commune `i`, with commune `i + 1` as co-applicant. */
async function completeDraft(callId: string, documentId: string, i: number, withDocument = true) {
  const lead = communes[i] as { id: number; name: string };
  const co = communes[i + 1] as { id: number; name: string };
  const [row] = await db
    .insert(applications)
    .values({
      callId,
      leadOrganisationId: lead.id,
      title: `Dépôt ${i}`,
      isFictitious: true,
      createdBy: userId,
    })
    .returning();
  const id = row?.id ?? "";
  const form = completeApplicationForm(lead, co, `Dépôt ${i} : eau potable ${lead.name}`);
  const saved = await db.transaction((tx) =>
    writeApplicationForm(tx, { applicationId: id, version: 1, leadOrganisationId: lead.id, userId, form }),
  );
  if (!saved) throw new Error("draft not saved");
  if (withDocument) {
    const stored = await storeRequiredDocument(db, {
      applicationId: id,
      callId,
      requiredDocumentId: documentId,
      userId,
      fileName: "deliberation.pdf",
      bytes: pdf,
    });
    if (!stored.ok) throw new Error("document refused");
  }
  return id;
}

const submit = (applicationId: string) =>
  submitDraft(db, { applicationId, userId, userEmail, receiptUrl: "http://localhost/recepisse" });

async function counter(callId: string) {
  const [call] = await db.select({ seq: calls.lastReceiptSeq }).from(calls).where(eq(calls.id, callId));
  return call?.seq;
}

beforeAll(async () => {
  process.env.FILE_STORE_DIR = await mkdtemp(path.join(tmpdir(), "uploads-submit-"));
  userEmail = `submit-${stamp.toLowerCase()}@exemple.fr`;
  const [user] = await db.insert(users).values({ email: userEmail, name: "Déposant" }).returning();
  userId = user?.id ?? "";
  communes = await db
    .select({ id: organisations.id, name: organisations.name })
    .from(organisations)
    .where(eq(organisations.kind, "commune"))
    .orderBy(organisations.id)
    .limit(PARALLEL + 4);
  openCallId = (await makeCall(`submit-open-${stamp}`, code, new Date(Date.now() + 86_400_000))).callId;
  closedCallId = (await makeCall(`submit-closed-${stamp}`, `${code}C`, new Date(Date.now() - 60_000))).callId;
});

describe("a lead with a report overdue from an earlier grant", () => {
  it("cannot submit until the report is sent, and is told which one", async () => {
    const i = PARALLEL + 2;
    const lead = communes[i] as { id: number; name: string };
    // The earlier grant's call, closed, of its own (the other tests count the closed call's numbers).
    const past = await makeCall(`submit-earlier-${stamp}`, `${code}E`, new Date(Date.now() - 60_000));
    const [earlier] = await db
      .insert(applications)
      .values({
        callId: past.callId,
        leadOrganisationId: lead.id,
        title: "Projet lauréat antérieur",
        status: "accepted",
        // In the app's format, within the call's counter (another suite checks every receipt).
        receiptNumber: formatReceiptNumber(2097, `${code}E`, 1),
        submittedAt: new Date("2019-12-01T10:00:00Z"),
      })
      .returning();
    await db.update(calls).set({ lastReceiptSeq: 1 }).where(eq(calls.id, past.callId));
    const [grant] = await db
      .insert(grants)
      .values({
        applicationId: earlier?.id ?? "",
        status: "agreement_signed",
        reference: `${stamp}-RETARD-C`,
        beneficiaryName: lead.name,
        projectTitle: "Projet lauréat antérieur",
        grantedCents: 10_000_00,
        years: 1,
        finalBalancePercent: 20,
        maxSharePercent: 50,
        startsOn: "2020-01-01",
        durationMonths: 12,
        endsOn: "2021-01-01",
        reportDueDates: ["2021-04-01"],
        signedAt: new Date("2020-01-15T10:00:00Z"),
        signatoryName: "Signataire",
        signatoryFunction: "Maire",
      })
      .returning();
    // A call of its own, so the receipts of the other tests' call stay consecutive.
    const own = await makeCall(`submit-overdue-${stamp}`, `${code}R`, new Date(Date.now() + 86_400_000));
    const draft = await completeDraft(own.callId, own.documentId, i);
    const refused = await submit(draft);
    expect(refused).toEqual({
      kind: "overdue_report",
      message:
        "Le rapport final du projet «\u00a0Projet lauréat antérieur\u00a0» était attendu le 01/04/2021\u00a0: tant qu’il n’est pas envoyé, votre collectivité ne peut pas déposer de nouveau dossier.",
    });
    const [still] = await db.select().from(applications).where(eq(applications.id, draft));
    expect(still).toMatchObject({ status: "draft", receiptNumber: null });

    await db.insert(progressReports).values({
      applicationId: earlier?.id ?? "",
      position: 1,
      kind: "final",
      body: "Rapport final enfin remis.",
    });
    expect(await submit(draft)).toEqual({ kind: "done" });
    expect(grant?.id).toBeTruthy();
  });
});

describe("submitting drafts (receipt numbers)", () => {
  it("numbers parallel submissions on one call with distinct, consecutive receipts, none lost", async () => {
    const [doc] = await db.select().from(requiredDocuments).where(eq(requiredDocuments.callId, openCallId));
    const ids: string[] = [];
    for (let i = 0; i < PARALLEL; i++) ids.push(await completeDraft(openCallId, doc?.id ?? "", i));

    const outcomes = await Promise.all(ids.map(submit));
    expect(outcomes).toEqual(ids.map(() => ({ kind: "done" })));

    const rows = await db.select().from(applications).where(inArray(applications.id, ids));
    expect(rows.map((r) => r.status)).toEqual(ids.map(() => "submitted"));
    const receipts = rows.map((r) => r.receiptNumber).sort();
    expect(receipts).toEqual(
      Array.from({ length: PARALLEL }, (_, i) => formatReceiptNumber(2097, code, i + 1)).sort(),
    );
    expect(await counter(openCallId)).toBe(PARALLEL);

    // One audit event and one receipt e-mail each, with the number written in.
    const events = await db
      .select()
      .from(auditEvents)
      .where(
        and(eq(auditEvents.action, "application.submitted"), inArray(auditEvents.subjectId, ids as string[])),
      );
    expect(events).toHaveLength(PARALLEL);
    const mails = await db
      .select()
      .from(emailOutbox)
      .where(like(emailOutbox.dedupeKey, "receipt:%"))
      .then((all) => all.filter((m) => ids.some((id) => m.dedupeKey === `receipt:${id}:${userEmail}`)));
    expect(mails).toHaveLength(PARALLEL);
    for (const row of rows) {
      const mail = mails.find((m) => m.dedupeKey === `receipt:${row.id}:${userEmail}`);
      expect(mail?.subject).toBe(`Accusé de réception de votre candidature n° ${row.receiptNumber}`);
      expect(mail?.textBody).toContain(row.receiptNumber);
      expect(`${mail?.textBody}${mail?.htmlBody}`).not.toContain("[[receipt-");
      expect(events.find((e) => e.subjectId === row.id)?.data).toEqual({ receiptNumber: row.receiptNumber });
    }

    // The dashboard's per-status counts follow (kept by trigger).
    const [count] = await db
      .select()
      .from(applicationStatusCounts)
      .where(
        and(eq(applicationStatusCounts.callId, openCallId), eq(applicationStatusCounts.status, "submitted")),
      );
    expect(count?.count).toBe(PARALLEL);
  });

  it("gives one receipt to a draft submitted twice at the same time", async () => {
    const [doc] = await db.select().from(requiredDocuments).where(eq(requiredDocuments.callId, openCallId));
    const id = await completeDraft(openCallId, doc?.id ?? "", PARALLEL + 1);
    const before = (await counter(openCallId)) ?? 0;

    const outcomes = await Promise.all([submit(id), submit(id)]);
    expect(outcomes).toEqual([{ kind: "done" }, { kind: "done" }]);
    expect(await submit(id)).toEqual({ kind: "done" });

    const [row] = await db.select().from(applications).where(eq(applications.id, id));
    expect(row?.receiptNumber).toBe(formatReceiptNumber(2097, code, before + 1));
    expect(await counter(openCallId)).toBe(before + 1);
    const events = await db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.action, "application.submitted"), eq(auditEvents.subjectId, id)));
    expect(events).toHaveLength(1);
    const mails = await db
      .select()
      .from(emailOutbox)
      .where(like(emailOutbox.dedupeKey, `receipt:${id}:%`));
    // One receipt per recipient: the submitter and the lead's active members,
    // whose number other test files sharing the database may change.
    const recipients = mails.map((m) => m.toAddress);
    expect(recipients).toContain(userEmail);
    expect(new Set(recipients).size).toBe(recipients.length);
  });

  it("refuses a draft after the closing time and an incomplete draft, drawing no number", async () => {
    const [doc] = await db.select().from(requiredDocuments).where(eq(requiredDocuments.callId, closedCallId));
    const late = await completeDraft(closedCallId, doc?.id ?? "", 0);
    expect(await submit(late)).toEqual({ kind: "closed" });
    expect(await counter(closedCallId)).toBe(0);

    const [openDoc] = await db
      .select()
      .from(requiredDocuments)
      .where(eq(requiredDocuments.callId, openCallId));
    const before = await counter(openCallId);
    const incomplete = await completeDraft(openCallId, openDoc?.id ?? "", PARALLEL + 2, false);
    expect(await submit(incomplete)).toEqual({ kind: "incomplete", count: 1 });
    expect(await counter(openCallId)).toBe(before);

    const rows = await db
      .select()
      .from(applications)
      .where(inArray(applications.id, [late, incomplete]));
    expect(rows.map((r) => [r.status, r.receiptNumber])).toEqual([
      ["draft", null],
      ["draft", null],
    ]);
  });
});
