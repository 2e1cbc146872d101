import "server-only";
/**
 * Writing an application's form to the database (inside the caller's
 * transaction): the application's own columns, then its participants,
 * pairings and budget lines, replaced as a whole.
 */
import { and, eq, inArray } from "drizzle-orm";
import type { Database } from "@/db/client";
import {
  applications,
  budgetLines,
  foreignPartners,
  operators,
  organisations,
  pairings,
  participants,
} from "@/db/schema";
import { parseFrenchAmount } from "./amounts";
import { applyChanges, type FieldErrors, type FormField } from "./merge";
import { loadApplicationForm } from "./queries";
import { UNTITLED_APPLICATION } from "./rules";
import { type ApplicationForm, partnerKey } from "./schema";

type Tx = Parameters<Parameters<Database["transaction"]>[0]>[0];

const cents = (amount: string) => parseFrenchAmount(amount) ?? 0;

/**
 * Saves the form if the application is still at `version` and a draft.
 * Returns the new version, or null when someone saved in between (or it was submitted).
 */
export async function writeApplicationForm(
  tx: Tx,
  input: {
    applicationId: string;
    version: number;
    leadOrganisationId: number;
    userId: string;
    form: ApplicationForm;
  },
): Promise<{ version: number; updatedAt: Date } | null> {
  const { form, applicationId, leadOrganisationId } = input;
  const [updated] = await tx
    .update(applications)
    .set({
      title: form.title.trim() || UNTITLED_APPLICATION,
      onBehalfOf: form.onBehalfOf.trim() || null,
      startDate: form.startDate || null,
      durationMonths: form.durationMonths ? Number(form.durationMonths) : null,
      summary: form.summary,
      objectives: form.objectives,
      expectedResults: form.expectedResults,
      beneficiaries: form.beneficiaries,
      themes: [...new Set(form.themes)],
      sdgs: [...new Set(form.sdgs)].sort((a, b) => a - b),
      requestedAmountCents: cents(form.requestedAmount),
      version: input.version + 1,
      updatedBy: input.userId,
      updatedAt: new Date(),
    })
    .where(
      and(
        eq(applications.id, applicationId),
        eq(applications.version, input.version),
        eq(applications.status, "draft"),
      ),
    )
    .returning({ version: applications.version, updatedAt: applications.updatedAt });
  if (!updated) return null;

  await tx.delete(pairings).where(eq(pairings.applicationId, applicationId));
  await tx.delete(participants).where(eq(participants.applicationId, applicationId));
  await tx.delete(budgetLines).where(eq(budgetLines.applicationId, applicationId));

  // Co-applicants: organisations of the official list, never the lead itself.
  const coIds = [...new Set(form.coApplicants.map((c) => c.organisationId))].filter(
    (id) => id !== leadOrganisationId,
  );
  const known = coIds.length
    ? new Set(
        (
          await tx
            .select({ id: organisations.id })
            .from(organisations)
            .where(inArray(organisations.id, coIds))
        ).map((r) => r.id),
      )
    : new Set<number>();
  const french = new Set([leadOrganisationId, ...coIds.filter((id) => known.has(id))]);
  let position = 0;
  const rows: (typeof participants.$inferInsert)[] = [];
  for (const id of coIds.filter((id) => known.has(id))) {
    rows.push({ applicationId, role: "co_applicant", organisationId: id, position: position++ });
  }

  // Foreign partners are shared across applications (so partnerships have a history): find or create.
  const partnerIds = new Map<string, string>();
  for (const partner of form.partners) {
    const key = partnerKey(partner);
    if (partnerIds.has(key)) continue;
    const [row] = await tx
      .insert(foreignPartners)
      .values({
        name: partner.name.trim(),
        kind: partner.kind,
        countryCode: partner.countryCode,
        isFictitious: false,
      })
      .onConflictDoUpdate({
        target: [foreignPartners.name, foreignPartners.countryCode],
        set: { name: partner.name.trim() },
      })
      .returning({ id: foreignPartners.id });
    if (!row) continue;
    partnerIds.set(key, row.id);
    rows.push({
      applicationId,
      role: "foreign_partner",
      foreignPartnerId: row.id,
      position: position++,
      contactName: partner.contactName.trim() || null,
      contactEmail: partner.contactEmail.trim() || null,
    });
  }

  const operatorIds = new Set<string>();
  for (const operator of form.operators) {
    const name = operator.name.trim();
    await tx
      .insert(operators)
      .values({ name, kind: operator.kind, isFictitious: false })
      .onConflictDoNothing();
    const [row] = await tx.select({ id: operators.id }).from(operators).where(eq(operators.name, name));
    if (!row || operatorIds.has(row.id)) continue;
    operatorIds.add(row.id);
    rows.push({ applicationId, role: "operator", operatorId: row.id, position: position++ });
  }
  if (rows.length) await tx.insert(participants).values(rows);

  const pairRows = new Map<string, typeof pairings.$inferInsert>();
  for (const pairing of form.pairings) {
    const foreignPartnerId = partnerIds.get(pairing.partnerKey);
    if (!foreignPartnerId || !french.has(pairing.organisationId)) continue;
    pairRows.set(`${pairing.organisationId}|${foreignPartnerId}`, {
      applicationId,
      organisationId: pairing.organisationId,
      foreignPartnerId,
    });
  }
  if (pairRows.size) await tx.insert(pairings).values([...pairRows.values()]);

  position = 0;
  const lines: (typeof budgetLines.$inferInsert)[] = [
    ...form.expenses.map((l) => ({
      applicationId,
      kind: "expense" as const,
      category: l.category,
      label: l.label.trim(),
      amountCents: cents(l.amount),
      position: position++,
    })),
    ...form.ownContributions
      .filter((l) => french.has(l.organisationId))
      .map((l) => ({
        applicationId,
        kind: "own_contribution" as const,
        label: "Apport propre",
        organisationId: l.organisationId,
        amountCents: cents(l.amount),
        position: position++,
      })),
    ...form.cofinancings.map((l) => ({
      applicationId,
      kind: "cofinancing" as const,
      label: l.funderName.trim(),
      funderName: l.funderName.trim(),
      amountCents: cents(l.amount),
      position: position++,
    })),
  ];
  if (lines.length) await tx.insert(budgetLines).values(lines);
  return updated;
}

export type SavedChanges =
  | { kind: "not_found" }
  | { kind: "not_editable" }
  | {
      kind: "saved";
      /** The version now saved, and when (unchanged when nothing was written). */
      version: number;
      updatedAt: Date;
      /** The saved form, as the database gives it back (the browser's new base). */
      form: ApplicationForm;
      /** Fields of the browser's that were written. */
      written: FormField[];
      /** Fields both the browser and a colleague changed: not written, for the user to choose. */
      conflicts: { field: FormField; mine: unknown; theirs: unknown }[];
      /** Fields refused by validation, by path: not written, kept by the browser. */
      errors: FieldErrors;
      /** Someone saved since the browser's version: their changes were kept. */
      merged: boolean;
    };

/**
 * Saves the valid fields a browser changed, whatever the state of the others.
 * `changes` are the fields the user changed since `base` (the values they read
 * at `baseVersion`). When a colleague saved in between, their changes are kept:
 * a field only the browser changed is written, a field both changed to
 * different values is a conflict and keeps the saved value. Every field is
 * validated here again; an invalid one is refused without blocking the others.
 * Runs in the caller's transaction and locks the application row.
 */
export async function saveFormChanges(
  tx: Tx,
  input: {
    applicationId: string;
    baseVersion: number;
    userId: string;
    changes: Record<string, unknown>;
    base: Record<string, unknown>;
  },
): Promise<SavedChanges> {
  const [row] = await tx
    .select()
    .from(applications)
    .where(eq(applications.id, input.applicationId))
    .for("update");
  if (!row) return { kind: "not_found" };
  if (row.status !== "draft") return { kind: "not_editable" };
  const theirs = await loadApplicationForm(tx, row);
  const { next, written, conflicts, errors, merged } = applyChanges({
    saved: theirs,
    savedVersion: row.version,
    baseVersion: input.baseVersion,
    changes: input.changes,
    base: input.base,
  });
  if (!written.length) {
    return {
      kind: "saved",
      version: row.version,
      updatedAt: row.updatedAt,
      form: theirs,
      written,
      conflicts,
      errors,
      merged,
    };
  }
  const saved = await writeApplicationForm(tx, {
    applicationId: row.id,
    version: row.version,
    leadOrganisationId: row.leadOrganisationId,
    userId: input.userId,
    form: next,
  });
  // The row is locked: only a bug could make the guarded update miss it.
  if (!saved) throw new Error("locked application changed during its save");
  const [after] = await tx.select().from(applications).where(eq(applications.id, row.id));
  if (!after) throw new Error("application vanished during its save");
  return {
    kind: "saved",
    version: saved.version,
    updatedAt: saved.updatedAt,
    form: await loadApplicationForm(tx, after),
    written,
    conflicts,
    errors,
    merged,
  };
}
