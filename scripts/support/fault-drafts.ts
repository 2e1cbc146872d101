/**
 * Complete application drafts and server-action calls over HTTP, for the fault
 * scripts (`npm run fault:pg-restart`, `npm run fault:kill-upload`): each draft
 * has its own applicant (a user, an active membership, a session row) on an
 * open call of the demo data, a form that passes every check, and, unless told
 * otherwise, every mandatory document.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import postgres from "postgres";

export type FaultDraft = {
  applicationId: string;
  token: string;
  userId: string;
  callId: string;
  leadOrganisationId: number;
  /** The mandatory documents of the call. */
  documentIds: string[];
  /** The form as saved (version 2 after this preparation). */
  form: Record<string, unknown>;
};

/** A small valid PDF (magic bytes, no active content); `padding` bytes of comment make it larger. */
export function faultPdf(label: string, padding = 0) {
  const head = `%PDF-1.7\n%${label}\n1 0 obj <<>> endobj\n`;
  const tail = "trailer <<>>\n%%EOF\n";
  const bytes = new Uint8Array(head.length + padding + tail.length);
  bytes.set(new TextEncoder().encode(head), 0);
  // Comment lines of printable text: still a plain PDF for the active-content check.
  for (let i = 0; i < padding; i++) bytes[head.length + i] = i % 80 === 79 ? 10 : 37;
  bytes.set(new TextEncoder().encode(tail), head.length + padding);
  return bytes;
}

export async function prepareDrafts(
  databaseUrl: string,
  count: number,
  options: { tag: string; documents?: boolean },
): Promise<FaultDraft[]> {
  const { createDb } = await import("../../db/client");
  const { writeApplicationForm } = await import("../../lib/applications/persist");
  const { completeApplicationForm } = await import("../../lib/applications/sample-form");
  const { storeRequiredDocument } = await import("../../lib/files/uploads");
  const sql = postgres(databaseUrl, { max: 2, onnotice: () => {} });
  const { db, close } = createDb(databaseUrl, { max: 4 });
  try {
    const [call] = await sql`
      select id from calls where opens_at <= now() and closes_at > now() + interval '1 hour'
      order by closes_at limit 1`;
    if (!call) throw new Error("no open call in the demo data");
    const docs = await sql`select id from required_documents where call_id = ${call.id} and mandatory`;
    // Organisations far down the list, clear of the demo's.
    const orgs = await sql`select id, name from organisations where kind = 'commune'
      order by id desc limit ${count + 1}`;
    const stamp = Date.now();
    const pdf = faultPdf("fault");
    const items: FaultDraft[] = [];
    for (let i = 0; i < count; i++) {
      const lead = orgs[i] as { id: number; name: string };
      const co = orgs[i + 1] as { id: number; name: string };
      const [user] = await sql`insert into users (id, email, name)
        values (gen_random_uuid()::text, ${`fault-${stamp}-${i}@fault.invalid`}, ${`Candidat ${i}`}) returning id`;
      const userId = user?.id as string;
      await sql`insert into memberships (user_id, organisation_id, role, status, confirmed_at)
        values (${userId}, ${lead.id}, 'manager', 'active', now()) on conflict do nothing`;
      const token = `fault-${stamp}-${i}`;
      await sql`insert into sessions (session_token, user_id, expires) values (${token}, ${userId}, now() + interval '1 day')`;
      const [app] =
        await sql`insert into applications (call_id, lead_organisation_id, title, is_fictitious, created_by, updated_by)
        values (${call.id}, ${lead.id}, ${`${options.tag} ${i}`}, true, ${userId}, ${userId}) returning id`;
      const applicationId = app?.id as string;
      const form = completeApplicationForm(lead, co, `${options.tag} ${i} : eau potable ${lead.name}`);
      await db.transaction((tx) =>
        writeApplicationForm(tx, {
          applicationId,
          version: 1,
          leadOrganisationId: lead.id,
          userId,
          form,
        }),
      );
      if (options.documents !== false) {
        for (const doc of docs) {
          await storeRequiredDocument(db, {
            applicationId,
            callId: call.id,
            requiredDocumentId: doc.id,
            userId,
            fileName: "piece.pdf",
            bytes: pdf,
          });
        }
      }
      items.push({
        applicationId,
        token,
        userId,
        callId: call.id,
        leadOrganisationId: lead.id,
        documentIds: docs.map((d) => d.id as string),
        form,
      });
    }
    return items;
  } finally {
    await close();
    await sql.end({ timeout: 5 });
  }
}

/** The id of a server action in this build (ids change with every build), or null. */
export function serverActionId(distDir: string, file: string, exportedName: string) {
  const manifest = JSON.parse(
    readFileSync(path.join(distDir, "server", "server-reference-manifest.json"), "utf8"),
  ) as { node: Record<string, { filename?: string; exportedName?: string }> };
  const entry = Object.entries(manifest.node).find(
    ([, v]) => v.exportedName === exportedName && v.filename === file,
  );
  return entry?.[0] ?? null;
}

/**
 * A server action `(prev, formData)` posted as the browser posts it from a page:
 * the fields are the FormData argument, `prev` is null.
 */
export function actionRequest(options: {
  base: string;
  pagePath: string;
  actionId: string;
  token: string;
  fields: Record<string, string>;
}): RequestInit {
  const body = new FormData();
  for (const [name, value] of Object.entries(options.fields)) body.append(`_1_${name}`, value);
  body.append("0", '[null,"$K1"]');
  return {
    method: "POST",
    headers: {
      accept: "text/x-component",
      "next-action": options.actionId,
      origin: options.base,
      referer: `${options.base}${options.pagePath}`,
      cookie: `authjs.session-token=${options.token}`,
    },
    body,
  };
}

/**
 * Whether the answer to `submitApplication` leads to the receipt: a redirect
 * (`x-action-redirect`), or, posted as a fetch action, its result naming the
 * receipt's path (the form then navigates to it).
 */
export function answeredWithReceipt(response: Response | null, text: string, applicationId: string) {
  const receiptPath = `/espace/dossiers/${applicationId}/recepisse`;
  return (
    (response?.headers.get("x-action-redirect") ?? "").includes(receiptPath) ||
    (response?.status === 200 && text.includes(`"receiptPath":"${receiptPath}"`))
  );
}
