"use server";

import { eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import { applications, progressReports } from "@/db/schema";
import { permit, refuse, runAction } from "@/lib/actions/pipeline";
import { recordAudit } from "@/lib/audit";
import { canSubmitProgressReport } from "@/lib/authz/policy";
import { findPublishedLaureate } from "@/lib/networks/queries";
import { type ActionResult, ok } from "@/lib/result";
import { submitReportSchema } from "./schema";

const PROJECT_GONE = "Ce projet n’existe pas.";

/**
 * A laureate sends an intermediate or final report from their space; the
 * network editor of their région and the ministry's admins read it.
 */
export async function submitProgressReport(
  _prev: ActionResult | null,
  formData: FormData,
): Promise<ActionResult> {
  return runAction(formData, {
    name: "submitProgressReport",
    key: {
      schema: submitReportSchema.pick({ applicationId: true }),
      fields: ["applicationId"],
      notFound: PROJECT_GONE,
    },
    access: async (user, { applicationId }) => {
      const db = getDb();
      const [application] = await db
        .select({
          id: applications.id,
          leadOrganisationId: applications.leadOrganisationId,
          status: applications.status,
        })
        .from(applications)
        .where(eq(applications.id, applicationId));
      if (!application) refuse.notFound(PROJECT_GONE);
      const published = (await findPublishedLaureate(db, application.id)) !== null;
      permit(
        canSubmitProgressReport(user, application, published),
        "Seule la collectivité chef de file d’un projet lauréat peut en rendre compte.",
      );
      return application;
    },
    input: { schema: submitReportSchema.pick({ kind: true, body: true }), read: ["kind", "body"] },
    run: async ({ user, resource: application, input }) => {
      await getDb().transaction(async (tx) => {
        const [row] = await tx
          .insert(progressReports)
          .values({ applicationId: application.id, kind: input.kind, body: input.body, submittedBy: user.id })
          .returning({ id: progressReports.id });
        if (!row) throw new Error("insert returned nothing");
        await recordAudit(tx, {
          actorId: user.id,
          action: "progress_report.submitted",
          subjectType: "progress_report",
          subjectId: row.id,
          data: { applicationId: application.id, kind: input.kind },
        });
      });
      return ok(undefined);
    },
    revalidate: () => ["/espace/rapports"],
  });
}
