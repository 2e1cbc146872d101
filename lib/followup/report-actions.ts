"use server";

import { eq } from "drizzle-orm";
import { revalidatePath } from "next/cache";
import { getDb } from "@/db/client";
import { applications, progressReports } from "@/db/schema";
import { recordAudit } from "@/lib/audit";
import { getCurrentUser } from "@/lib/auth/current-user";
import { canSubmitProgressReport } from "@/lib/authz/policy";
import { findPublishedLaureate } from "@/lib/networks/queries";
import { type ActionResult, fail, ok } from "@/lib/result";
import { z } from "@/lib/zod";
import { submitReportSchema } from "./schema";

/**
 * A laureate sends an intermediate or final report from their space; the
 * network editor of their région and the ministry's admins read it.
 */
export async function submitProgressReport(
  _prev: ActionResult | null,
  formData: FormData,
): Promise<ActionResult> {
  const user = await getCurrentUser();
  if (!user) return fail("unauthenticated", "Votre session a expiré\u00a0: reconnectez-vous.");
  const parsed = submitReportSchema.safeParse({
    applicationId: formData.get("applicationId"),
    kind: formData.get("kind"),
    body: formData.get("body"),
  });
  if (!parsed.success) {
    return fail("invalid", "Le formulaire contient une erreur.", z.flattenError(parsed.error).fieldErrors);
  }
  const db = getDb();
  const [application] = await db
    .select({
      id: applications.id,
      leadOrganisationId: applications.leadOrganisationId,
      status: applications.status,
    })
    .from(applications)
    .where(eq(applications.id, parsed.data.applicationId));
  if (!application) return fail("not_found", "Ce projet n’existe pas.");
  const published = (await findPublishedLaureate(db, application.id)) !== null;
  if (!canSubmitProgressReport(user, application, published)) {
    return fail("forbidden", "Seule la collectivité chef de file d’un projet lauréat peut en rendre compte.");
  }
  await db.transaction(async (tx) => {
    const [row] = await tx
      .insert(progressReports)
      .values({
        applicationId: application.id,
        kind: parsed.data.kind,
        body: parsed.data.body,
        submittedBy: user.id,
      })
      .returning({ id: progressReports.id });
    if (!row) throw new Error("insert returned nothing");
    await recordAudit(tx, {
      actorId: user.id,
      action: "progress_report.submitted",
      subjectType: "progress_report",
      subjectId: row.id,
      data: { applicationId: application.id, kind: parsed.data.kind },
    });
  });
  revalidatePath("/espace/rapports");
  return ok(undefined);
}
