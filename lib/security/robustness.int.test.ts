/**
 * What an outside tester found (security round 2), replayed on the real test
 * PostgreSQL through the real route handlers and server actions:
 * - the applicant choosing the extension (and, with bidi characters, the
 *   displayed name) of what reviewers download;
 * - an upload or a removal racing the submission of its application;
 * - a follow-up image read as an application document;
 * - validation answering before authorization (saveReview, createCall, updateCall,
 *   then one case per module moved onto the action pipeline);
 * - integers the database columns cannot hold.
 * Only Next's request context is replaced: Auth.js's session (the real
 * getCurrentUser reads the principal from the database) and cache invalidation.
 */
import { AsyncLocalStorage } from "node:async_hooks";
import { randomUUID } from "node:crypto";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { testDb } from "@/db/testing/database";

const signedIn = vi.hoisted(() => {
  process.env.DATABASE_URL = process.env.TEST_DATABASE_URL;
  return { current: null as null | { getStore: () => string | undefined } };
});
vi.mock("@/lib/auth/auth", () => ({
  auth: async () => {
    const id = signedIn.current?.getStore();
    return id ? { user: { id } } : null;
  },
}));
vi.mock("next/cache", () => ({ revalidatePath: () => {}, revalidateTag: () => {}, updateTag: () => {} }));

const session = new AsyncLocalStorage<string>();
signedIn.current = session;
const as = <T>(userId: string, run: () => Promise<T>) => session.run(userId, run);

const uploadRoute = await import("@/app/api/files/route");
const fileRoute = await import("@/app/api/files/[id]/route");
const reviewActions = await import("@/lib/review/actions");
const callActions = await import("@/lib/calls/actions");
const membershipActions = await import("@/lib/memberships/actions");
const applicationActions = await import("@/lib/applications/actions");
const informationActions = await import("@/lib/information-requests/actions");
const decisionActions = await import("@/lib/decisions/actions");
const publicationActions = await import("@/lib/publication/actions");
const assignmentActions = await import("@/lib/assignment/actions");
const { documentsOf } = await import("@/lib/applications/queries");
const { loadApplicationDetails } = await import("@/lib/review/application");

const { db, close } = testDb();
const TAG = `robust-${Date.now().toString(36)}`;
afterAll(close);

async function one<T>(query: ReturnType<typeof sql>) {
  const row = ((await db.execute(query)) as unknown as T[])[0];
  if (!row) throw new Error("fixture row not created");
  return row;
}
const idOf = async (query: ReturnType<typeof sql>) => (await one<{ id: string }>(query)).id;
const form = (fields: Record<string, string | File>) => {
  const data = new FormData();
  for (const [key, value] of Object.entries(fields)) data.set(key, value);
  return data;
};

const ids = {} as Record<
  | "applicant"
  | "admin"
  | "reviewer"
  | "editor"
  | "call"
  | "document"
  | "criterion"
  | "inReview"
  | "network"
  | "post"
  | "image",
  string
> & { org: number };
let receipts = 0;

async function newApplication(status: "draft" | "in_review") {
  const submitted =
    status === "draft" ? sql`null, null` : sql`${`2096-RBT-${String(++receipts).padStart(4, "0")}`}, now()`;
  return idOf(sql`
    insert into applications (call_id, lead_organisation_id, title, requested_amount_cents, status, receipt_number,
                              submitted_at, created_by)
    values (${ids.call}, ${ids.org}, ${`Projet ${TAG}`}, 1000000, ${status}::application_status, ${submitted},
            ${ids.applicant})
    returning id`);
}

beforeAll(async () => {
  const user = (label: string) =>
    idOf(
      sql`insert into users (id, email, name) values (gen_random_uuid()::text, ${`${TAG}-${label}@exemple.fr`}, ${`Agent ${label}`}) returning id`,
    );
  ids.applicant = await user("candidat");
  ids.admin = await user("admin");
  ids.reviewer = await user("instructeur");
  ids.editor = await user("editeur");
  ids.org = (
    await one<{ id: number }>(
      sql`select id from organisations where kind = 'commune' and region_code = '84' order by id limit 1 offset 11`,
    )
  ).id;
  await db.execute(sql`
    insert into memberships (user_id, organisation_id, role, status, confirmed_at)
    values (${ids.applicant}, ${ids.org}, 'manager', 'active', now())`);
  await db.execute(
    sql`insert into user_roles (user_id, role) values (${ids.admin}, 'admin'), (${ids.reviewer}, 'reviewer')`,
  );
  ids.call = await idOf(sql`
    insert into calls (slug, code, year, title, opens_at, closes_at, max_grant_cents, max_share_percent, envelope_cents, last_receipt_seq)
    values (${TAG}, 'RBT', 2096, 'Appel témoin', '2020-01-01T00:00:00Z', '2999-01-01T00:00:00Z', 10000000, 50, 100000000, 100)
    returning id`);
  ids.document = await idOf(sql`
    insert into required_documents (call_id, position, label, accepted_types)
    values (${ids.call}, 0, 'Budget', array['application/pdf', 'image/png']) returning id`);
  ids.criterion = await idOf(
    sql`insert into criteria (call_id, position, label, weight, max_score) values (${ids.call}, 0, 'Pertinence', 1, 5) returning id`,
  );
  ids.inReview = await newApplication("in_review");
  ids.network = await idOf(
    sql`insert into regional_networks (slug, name, region_code) values (${TAG}, 'Réseau témoin', '84') returning id`,
  );
  await db.execute(
    sql`insert into user_roles (user_id, role, network_id) values (${ids.editor}, 'network_editor', ${ids.network})`,
  );
  ids.post = await idOf(sql`
    insert into followup_posts (network_id, application_id, title, body_md)
    values (${ids.network}, ${ids.inReview}, 'Page en préparation', 'Texte') returning id`);
  // As lib/followup/images.ts stores it: the post's project id on the row.
  ids.image = await idOf(sql`
    insert into attachments (application_id, followup_post_id, original_name, storage_key, content_type, size_bytes, sha256, alt_text, uploaded_by)
    values (${ids.inReview}, ${ids.post}, 'atelier.png', ${`followup/${TAG}/image`}, 'image/png', 10, 'x', 'Un atelier', ${ids.editor})
    returning id`);
});

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

async function upload(applicationId: string, name: string, bytes: Uint8Array) {
  return as(ids.applicant, () =>
    uploadRoute.POST(
      new Request("http://localhost/api/files", {
        method: "POST",
        body: form({
          applicationId,
          requiredDocumentId: ids.document,
          file: new File([Buffer.from(bytes)], name),
        }),
      }),
    ),
  );
}

const download = (userId: string, id: string) =>
  as(userId, () =>
    fileRoute.GET(new Request(`http://localhost/api/files/${id}`), { params: Promise.resolve({ id }) }),
  );

describe("the name reviewers download a file under", () => {
  it.each([
    ["a PDF named budget.bat", "budget.bat", new TextEncoder().encode("%PDF-1.7\n1 0 obj\n"), "budget.pdf"],
    [
      "an HTML file behind a PNG signature named x.html",
      "x.html",
      new Uint8Array([...PNG_SIGNATURE, ...new TextEncoder().encode("<html><script>alert(1)</script>")]),
      "x.png",
    ],
    [
      "a name with a right-to-left override",
      "facture\u202efdp.exe",
      new TextEncoder().encode("%PDF-1.7\n"),
      "facturefdp.pdf",
    ],
  ])("%s: stored and served with the detected type's extension", async (_case, name, bytes, expected) => {
    const draft = await newApplication("draft");
    const response = await upload(draft, name, bytes);
    expect(response.status).toBe(201);
    const { attachment } = (await response.json()) as { attachment: { id: string; originalName: string } };
    expect(attachment.originalName).toBe(expected);
    const served = await download(ids.applicant, attachment.id);
    expect(served.status).toBe(200);
    expect(served.headers.get("content-disposition")).toBe(
      `attachment; filename*=UTF-8''${encodeURIComponent(expected)}`,
    );
    expect(served.headers.get("content-disposition")).not.toMatch(/%E2%80%AE/i);
  });

  it("a row stored before the fix is served under a cleaned name too", async () => {
    const draft = await newApplication("draft");
    const key = `applications/${draft}/${randomUUID()}`;
    const id = await idOf(sql`
      insert into attachments (application_id, required_document_id, original_name, storage_key, content_type, size_bytes, sha256, uploaded_by)
      values (${draft}, ${ids.document}, ${"rapport\u202efdp.bat"}, ${key}, 'application/pdf', 9, 'x', ${ids.applicant})
      returning id`);
    const { getFileStore } = await import("@/lib/files/store");
    await getFileStore().put(key, new TextEncoder().encode("%PDF-1.7\n"));
    const served = await download(ids.applicant, id);
    expect(served.headers.get("content-disposition")).toBe("attachment; filename*=UTF-8''rapportfdp.pdf");
  });
});

/** Resolves when a query of the app waits for a row lock the test holds. */
async function waitingForLock() {
  await vi.waitUntil(
    async () => {
      const rows = (await db.execute(sql`
        select 1 from pg_stat_activity
        where datname = current_database() and wait_event_type = 'Lock' and pid <> pg_backend_pid()`)) as unknown[];
      return rows.length > 0;
    },
    { timeout: 20_000, interval: 20 },
  );
  return "waiting" as const;
}

/**
 * Runs `change` while the application's row is locked by a submission in progress (the test's
 * transaction), then commits the submission: the change must wait for it and be refused.
 */
async function raceWithSubmission(applicationId: string, change: () => Promise<Response>) {
  let result: Promise<Response> | undefined;
  let order: string | undefined;
  await db.transaction(async (tx) => {
    await tx.execute(sql`select id from applications where id = ${applicationId} for update`);
    result = change();
    // Checked before its transaction (the defect), the change does not wait: it is done first.
    order = await Promise.race([
      result.then(() => "done" as const),
      waitingForLock().catch(() => "timeout" as const),
    ]);
    await tx.execute(sql`
      update applications set status = 'submitted', submitted_at = now(),
        receipt_number = ${`2096-RBT-${String(++receipts).padStart(4, "0")}`}
      where id = ${applicationId}`);
  });
  return { order, response: await (result as Promise<Response>) };
}

describe("documents and the submission, at the same moment", () => {
  it("an upload that started on a draft is refused once the submission commits", async () => {
    const draft = await newApplication("draft");
    const { order, response } = await raceWithSubmission(draft, () =>
      upload(draft, "budget.pdf", new TextEncoder().encode("%PDF-1.7\n")),
    );
    expect(order).toBe("waiting");
    expect(response.status).toBe(403);
    expect(((await response.json()) as { message: string }).message).toMatch(/a été déposé/);
    const rows = (await db.execute(
      sql`select id from attachments where application_id = ${draft}`,
    )) as unknown[];
    expect(rows).toEqual([]);
  });

  it("a removal that started on a draft is refused once the submission commits", async () => {
    const draft = await newApplication("draft");
    const created = await upload(draft, "budget.pdf", new TextEncoder().encode("%PDF-1.7\n"));
    const { attachment } = (await created.json()) as { attachment: { id: string } };
    const { order, response } = await raceWithSubmission(draft, () =>
      as(ids.applicant, () =>
        fileRoute.DELETE(new Request(`http://localhost/api/files/${attachment.id}`, { method: "DELETE" }), {
          params: Promise.resolve({ id: attachment.id }),
        }),
      ),
    );
    expect(order).toBe("waiting");
    expect(response.status).toBe(403);
    const rows = (await db.execute(sql`select id from attachments where id = ${attachment.id}`)) as unknown[];
    expect(rows).toHaveLength(1);
  });
});

describe("a network editor's follow-up image", () => {
  it("is not one of the application's documents: neither listed nor served by /api/files", async () => {
    const details = await loadApplicationDetails(ids.inReview);
    expect(details.documents.map((d) => d.id)).not.toContain(ids.image);
    const slots = await documentsOf(db, ids.call, ids.inReview);
    expect(slots.map((s) => s.file?.id)).not.toContain(ids.image);
    expect((await download(ids.admin, ids.image)).status).toBe(404);
  });
});

describe("authorization before validation", () => {
  it("saveReview: an applicant learns neither that the application exists nor its criteria", async () => {
    const result = await as(ids.applicant, () =>
      reviewActions.saveReview(null, form({ applicationId: ids.inReview, intent: "submit" })),
    );
    expect(result).toMatchObject({ ok: false, code: "not_found", message: "Dossier introuvable." });
    expect(JSON.stringify(result)).not.toContain(ids.criterion);
  });

  it("createCall and updateCall: an applicant is refused before the form is read", async () => {
    const created = await as(ids.applicant, () => callActions.createCall(null, form({ title: "" })));
    expect(created).toMatchObject({ ok: false, code: "forbidden" });
    expect((created as { fieldErrors?: unknown }).fieldErrors).toBeUndefined();
    const updated = await as(ids.applicant, () => callActions.updateCall(null, form({ id: ids.call })));
    expect(updated).toMatchObject({ ok: false, code: "forbidden" });
    expect((updated as { fieldErrors?: unknown }).fieldErrors).toBeUndefined();
  });

  /** Refused with this code and message, and no word of the form's rules (no field errors). */
  const refusedOutright = (result: unknown, code: string, message: string | RegExp) => {
    expect(result).toMatchObject({ ok: false, code, message });
    expect((result as { fieldErrors?: unknown }).fieldErrors).toBeUndefined();
  };

  it("applications: someone else's application or organisation is refused before the form is read", async () => {
    refusedOutright(
      await as(ids.reviewer, () =>
        applicationActions.createApplication(
          null,
          form({ callId: ids.call, organisationId: String(ids.org), title: "" }),
        ),
      ),
      "forbidden",
      /droits/,
    );
    refusedOutright(
      await as(ids.reviewer, () =>
        applicationActions.withdrawApplication(null, form({ applicationId: ids.inReview, reason: "" })),
      ),
      "not_found",
      "Dossier introuvable.",
    );
    const payload = JSON.stringify({ applicationId: ids.inReview, version: "x", changes: {} });
    refusedOutright(
      await as(ids.reviewer, () => applicationActions.saveApplication(null, form({ payload }))),
      "not_found",
      "Dossier introuvable.",
    );
  });

  it("information requests: an applicant is refused before the message is checked", async () => {
    refusedOutright(
      await as(ids.applicant, () =>
        informationActions.requestInformation(null, form({ applicationId: ids.inReview, message: "?" })),
      ),
      "forbidden",
      "Vous ne pouvez pas faire cela sur ce dossier.",
    );
  });

  it("decisions: a reviewer is refused before the decision's fields are checked", async () => {
    refusedOutright(
      await as(ids.reviewer, () =>
        decisionActions.decideApplication(null, form({ applicationId: ids.inReview, outcome: "peut-être" })),
      ),
      "forbidden",
      "Vous ne pouvez pas décider de ce dossier.",
    );
  });

  it("publication: a non-admin learns neither the reason's rules nor whether the call exists", async () => {
    refusedOutright(
      await as(ids.reviewer, () => publicationActions.unpublishResults(null, form({ callId: ids.call }))),
      "forbidden",
      /administrateurs/,
    );
    refusedOutright(
      await as(ids.reviewer, () => publicationActions.publishResults(null, form({ callId: randomUUID() }))),
      "forbidden",
      /administrateurs/,
    );
  });

  it("assignment: a non-admin learns neither the form's rules nor whether the assignment exists", async () => {
    refusedOutright(
      await as(ids.reviewer, () =>
        assignmentActions.assignReviewer(null, form({ applicationId: ids.inReview, reviewerId: "" })),
      ),
      "forbidden",
      /administrateurs/,
    );
    refusedOutright(
      await as(ids.reviewer, () =>
        assignmentActions.unassignReviewer(null, form({ assignmentId: randomUUID() })),
      ),
      "forbidden",
      /administrateurs/,
    );
  });
});

describe("integers the database columns cannot hold", () => {
  it.each(["99999999999", "2147483648"])(
    "organisationId=%s is a field error in French, not a 500",
    async (value) => {
      const membership = await as(ids.applicant, () =>
        membershipActions.requestMembership(null, form({ organisationId: value })),
      );
      expect(membership).toMatchObject({
        ok: false,
        code: "invalid",
        fieldErrors: { organisationId: ["Choisissez votre collectivité dans la liste."] },
      });
      const application = await as(ids.applicant, () =>
        applicationActions.createApplication(
          null,
          form({ callId: ids.call, organisationId: value, title: "Projet témoin" }),
        ),
      );
      // The organisation is the key of the application's creation (the policy asks about it
      // before the form is read): an id no organisation can have is « introuvable ».
      expect(application).toMatchObject({
        ok: false,
        code: "not_found",
        message: "Appel ou organisation introuvable.",
      });
    },
  );
});
