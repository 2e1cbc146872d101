import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { e2eSql } from "../applicant/db";

/**
 * Rows of the access specs, created once per run with fixed
 * ids (the matrix asks for them from several workers at once: `on conflict do
 * nothing` keeps one copy): an application of Ville de Thiers in review on the
 * call in review, with one stored PDF, assigned to `reviewer` (no conflict)
 * and to `reviewer-2` (conflict declared). No other test touches them.
 */
const APPLICATION_ID = "e2e0f11e-0000-4000-8000-00000000a001";
const ATTACHMENT_ID = "e2e0f11e-0000-4000-8000-00000000f001";
/** The same, assigned to `reviewer` only: `reviewer-2` is not assigned at all. */
const UNASSIGNED_APPLICATION_ID = "e2e0f11e-0000-4000-8000-00000000a002";
const UNASSIGNED_ATTACHMENT_ID = "e2e0f11e-0000-4000-8000-00000000f002";

const email = (key: string) => `${key}@demo.cooperation.example`;

async function ensure(applicationId: string, attachmentId: string, conflictedReviewer: string | null) {
  const sql = e2eSql();
  const key = `applications/${applicationId}/${attachmentId}`;
  const file = path.resolve(process.env.FILE_STORE_DIR || ".data/uploads", key);
  await mkdir(path.dirname(file), { recursive: true });
  await writeFile(file, "%PDF-1.4\n%deliberation\n");
  await sql.begin(async (tx) => {
    const [call] = await tx`
      select c.id from calls c
      where c.results_published_at is null and c.closes_at < now()
        and exists (select 1 from applications a join reviewer_assignments ra on ra.application_id = a.id where a.call_id = c.id)
      order by c.closes_at desc limit 1`;
    const [lead] = await tx`select id from organisations where kind = 'commune' and insee_code = '63430'`;
    if (!call || !lead) throw new Error("no call in review or no Ville de Thiers in the seed");
    await tx`
      insert into applications (id, call_id, lead_organisation_id, title, summary, requested_amount_cents, status,
        receipt_number, submitted_at, is_fictitious)
      values (${applicationId}, ${call.id}, ${lead.id}, ${`E2E accès aux pièces ${applicationId.slice(-4)}`},
        'Dossier créé par les tests d’accès.', 1000000, 'in_review', ${`E2E-${applicationId}`},
        now() - interval '30 days', true)
      on conflict (id) do nothing`;
    await tx`
      insert into attachments (id, application_id, original_name, storage_key, content_type, size_bytes, sha256)
      values (${attachmentId}, ${applicationId}, 'deliberation.pdf', ${key}, 'application/pdf', 23, 'x')
      on conflict (id) do nothing`;
    await tx`
      insert into reviewer_assignments (application_id, reviewer_id)
      select ${applicationId}, id from users where email = ${email("reviewer")}
      on conflict do nothing`;
    if (conflictedReviewer) {
      await tx`
        insert into reviewer_assignments (application_id, reviewer_id, conflict_declared_at, conflict_reason)
        select ${applicationId}, id, now(), 'Élu de la commune partenaire (test d’accès).'
        from users where email = ${email(conflictedReviewer)}
        on conflict do nothing`;
    }
  });
  return { applicationId, attachmentId };
}

/** Thiers's application in review: `reviewer` assigned, `reviewer-2` assigned with a conflict. */
export function conflictedReviewFixture() {
  return ensure(APPLICATION_ID, ATTACHMENT_ID, "reviewer-2");
}

/** Thiers's application in review: `reviewer` assigned, `reviewer-2` not assigned. */
export function unassignedReviewFixture() {
  return ensure(UNASSIGNED_APPLICATION_ID, UNASSIGNED_ATTACHMENT_ID, null);
}
