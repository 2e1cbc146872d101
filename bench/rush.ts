/**
 * The « deadline rush » scenario of `npm run bench`: complete draft
 * applications on the open call, each by its own organisation and member,
 * submitted at once through the same HTTP path as the applicant form (the
 * `submitApplication` server action, posted as React posts a
 * `useActionState` form: `Next-Action` header, multipart body with the
 * form's fields prefixed `1_` and the argument list `[prevState, formData]`
 * in field `0`), then the receipt opened as the browser's router opens it
 * (an RSC request with the page's router state). A submission counts as done
 * once its receipt page is received. Lost and duplicated submissions are read
 * from the database afterwards; the rows are then deleted so the bench
 * database stays reusable.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import postgres from "postgres";
import { createDb } from "../db/client";
import { writeApplicationForm } from "../lib/applications/persist";
import { completeApplicationForm } from "../lib/applications/sample-form";
import { storeRequiredDocument } from "../lib/files/uploads";

const TAG = "Ruée bench";

export type RushResult = {
  prepared: number;
  prepareSeconds: number;
  wallSeconds: number;
  throughput: number;
  p50: number;
  p95: number;
  lost: number;
  duplicatedReceipts: number;
  duplicatedEmails: number;
  httpRefused: number;
  sample?: string;
};

function percentile(values: number[], p: number) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted.length
    ? (sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] as number)
    : 0;
}

/** The action id of `submitApplication` in this build (ids change with every build). */
export function submitActionId(distDir: string) {
  const manifest = JSON.parse(
    readFileSync(path.join(distDir, "server", "server-reference-manifest.json"), "utf8"),
  ) as { node: Record<string, { filename?: string; exportedName?: string }> };
  const entry = Object.entries(manifest.node).find(
    ([, v]) => v.exportedName === "submitApplication" && v.filename === "lib/applications/actions.ts",
  );
  return entry?.[0] ?? null;
}

/** The client router's state on the checklist page (`Next-Router-State-Tree`), sent with its requests. */
function routerStateTree(applicationId: string) {
  const page = ["__PAGE__", {}];
  const tree = [
    "",
    {
      children: [
        "(candidat)",
        {
          children: [
            "espace",
            {
              children: [
                "dossiers",
                {
                  children: [
                    ["id", applicationId, "d", null],
                    { children: ["verification", { children: page }] },
                  ],
                },
              ],
            },
          ],
        },
      ],
    },
  ];
  return encodeURIComponent(JSON.stringify(tree));
}

async function pool<T>(items: T[], concurrency: number, work: (item: T, index: number) => Promise<void>) {
  let next = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < items.length) {
        const index = next++;
        await work(items[index] as T, index);
      }
    }),
  );
}

/** Deletes what an earlier (possibly interrupted) rush left behind. */
async function cleanUp(sql: postgres.Sql) {
  const ids = (await sql`select id from applications where title like ${`${TAG}%`}`).map(
    (r) => r.id as string,
  );
  if (ids.length) {
    await sql`delete from email_outbox where dedupe_key like any(${ids.map((id) => `receipt:${id}:%`)})`;
    await sql`delete from attachments where application_id = any(${ids})`;
    await sql`delete from applications where id = any(${ids})`;
  }
  await sql`delete from sessions where session_token like 'bench-rush-%'`;
}

export async function deadlineRush(options: {
  databaseUrl: string;
  base: string;
  actionId: string;
  count: number;
  concurrency: number;
  log: (line: string) => void;
}): Promise<RushResult | { error: string }> {
  const { databaseUrl, base, actionId, count, concurrency, log } = options;
  const sql = postgres(databaseUrl, { max: 4, onnotice: () => {} });
  const { db, close } = createDb(databaseUrl, { max: 10 });
  try {
    await cleanUp(sql);
    const [call] = await sql`
      select id, max_grant_cents, max_share_percent from calls
      where opens_at <= now() and closes_at > now() + interval '1 hour'
      order by closes_at limit 1`;
    if (!call) return { error: "no open call in the bench database" };
    const docs = await sql`
      select id, label, accepted_types from required_documents where call_id = ${call.id} and mandatory`;
    // One organisation per application (a commune), the next one as co-applicant.
    const orgs =
      await sql`select id, name from organisations where kind = 'commune' order by id limit ${count + 1}`;
    if (orgs.length < count + 1) return { error: `only ${orgs.length} communes in the referential` };

    const started = Date.now();
    const stamp = Date.now();
    // The members are kept from run to run (the audit trail is append-only and names them).
    await sql`
      insert into users (id, email, name)
      select gen_random_uuid()::text, 'bench-rush-' || g || '@bench.invalid', 'Candidat ' || g from generate_series(0, ${count - 1}) g
      on conflict (email) do nothing`;
    const users = await sql`
      select id, email from users where email like 'bench-rush-%@bench.invalid'
      order by split_part(split_part(email, '@', 1), '-', 3)::int limit ${count}`;
    const items = users.map((user, i) => ({
      userId: user.id as string,
      lead: orgs[i] as { id: number; name: string },
      co: orgs[i + 1] as { id: number; name: string },
      token: `bench-rush-${stamp}-${i}`,
      applicationId: "",
    }));
    await sql`
      insert into memberships (user_id, organisation_id, role, status, confirmed_at)
      select * from unnest(${items.map((i) => i.userId)}::text[], ${items.map((i) => i.lead.id)}::int[],
        ${items.map(() => "manager")}::membership_role[], ${items.map(() => "active")}::membership_status[],
        ${items.map(() => new Date().toISOString())}::timestamptz[])
      on conflict (user_id, organisation_id) do nothing`;
    await sql`
      insert into sessions (session_token, user_id, expires)
      select * from unnest(${items.map((i) => i.token)}::text[], ${items.map((i) => i.userId)}::text[],
        ${items.map(() => new Date(Date.now() + 86_400_000).toISOString())}::timestamptz[])`;
    const pdf = new TextEncoder().encode("%PDF-1.7\n%bench\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n");
    await pool(items, 8, async (item, i) => {
      const [row] = await sql`
        insert into applications (call_id, lead_organisation_id, title, is_fictitious, created_by, updated_by)
        values (${call.id}, ${item.lead.id}, ${`${TAG} ${i}`}, true, ${item.userId}, ${item.userId})
        returning id`;
      item.applicationId = row?.id as string;
      const form = completeApplicationForm(item.lead, item.co, `${TAG} ${i} : eau potable ${item.lead.name}`);
      const saved = await db.transaction((tx) =>
        writeApplicationForm(tx, {
          applicationId: item.applicationId,
          version: 1,
          leadOrganisationId: item.lead.id,
          userId: item.userId,
          form,
        }),
      );
      if (!saved) throw new Error("could not save a rush draft");
      for (const doc of docs) {
        const stored = await storeRequiredDocument(db, {
          applicationId: item.applicationId,
          callId: call.id,
          requiredDocumentId: doc.id,
          userId: item.userId,
          fileName: "piece.pdf",
          bytes: pdf,
        });
        if (!stored.ok) throw new Error(`document « ${doc.label} » refused: ${JSON.stringify(stored)}`);
      }
    });
    const prepareSeconds = (Date.now() - started) / 1000;
    log(`rush: ${count} complete drafts prepared in ${prepareSeconds.toFixed(1)} s`);

    const latencies: number[] = [];
    let refused = 0;
    let sample: string | undefined;
    const rushStarted = performance.now();
    await pool(items, concurrency, async (item) => {
      const body = new FormData();
      body.append("_1_applicationId", item.applicationId);
      body.append("0", '[null,"$K1"]');
      // The submit button is on the checklist page.
      const pagePath = `/espace/dossiers/${item.applicationId}/verification`;
      const cookie = `authjs.session-token=${item.token}`;
      const t0 = performance.now();
      const response = await fetch(`${base}${pagePath}`, {
        method: "POST",
        headers: {
          accept: "text/x-component",
          "next-action": actionId,
          "next-router-state-tree": routerStateTree(item.applicationId),
          origin: base,
          referer: `${base}${pagePath}`,
          cookie,
        },
        body,
        redirect: "manual",
      }).catch(() => null);
      const text = response ? await response.text() : "";
      const receiptPath = `/espace/dossiers/${item.applicationId}/recepisse`;
      // The action answers with the receipt's address and the form opens it, as the
      // browser's router does (an RSC request of the receipt's segment); an answer
      // redirecting (`x-action-redirect`) already carries the receipt page.
      let done =
        response?.ok === true && (response.headers.get("x-action-redirect") ?? "").includes("/recepisse");
      if (!done && response?.ok && text.includes(`"receiptPath":"${receiptPath}"`)) {
        const receipt = await fetch(`${base}${receiptPath}`, {
          headers: {
            rsc: "1",
            "next-router-state-tree": routerStateTree(item.applicationId),
            "next-url": pagePath,
            cookie,
          },
        }).catch(() => null);
        const page = receipt ? await receipt.text() : "";
        done = receipt?.ok === true && page.includes("Accusé de réception");
        if (!done) sample ??= `receipt HTTP ${receipt?.status ?? "—"} ${page.slice(0, 200)}`;
      }
      latencies.push(performance.now() - t0);
      if (!done) {
        refused++;
        sample ??= `HTTP ${response?.status ?? "—"} ${text.slice(0, 200)}`;
      }
    });
    const wallSeconds = (performance.now() - rushStarted) / 1000;

    const ids = items.map((i) => i.applicationId);
    const [{ submitted }] = (await sql`
      select count(*)::int as submitted from applications
      where id = any(${ids}) and status = 'submitted' and receipt_number is not null`) as unknown as [
      { submitted: number },
    ];
    const [{ dupReceipts }] = (await sql`
      select count(*)::int as "dupReceipts" from (
        select subject_id from audit_events
        where action = 'application.submitted' and subject_id = any(${ids})
        group by subject_id having count(*) > 1) d`) as unknown as [{ dupReceipts: number }];
    const [{ dupEmails }] = (await sql`
      select count(*)::int as "dupEmails" from (
        select split_part(dedupe_key, ':', 2) from email_outbox
        where template = 'receipt' and dedupe_key like any(${ids.map((id) => `receipt:${id}:%`)})
        group by 1 having count(*) > 1) d`) as unknown as [{ dupEmails: number }];
    const [{ sharedReceipts }] = (await sql`
      select (count(*) - count(distinct receipt_number))::int as "sharedReceipts"
      from applications where id = any(${ids}) and receipt_number is not null`) as unknown as [
      { sharedReceipts: number },
    ];
    return {
      prepared: count,
      prepareSeconds,
      wallSeconds,
      throughput: count / wallSeconds,
      p50: percentile(latencies, 50),
      p95: percentile(latencies, 95),
      lost: count - submitted,
      duplicatedReceipts: dupReceipts + sharedReceipts,
      duplicatedEmails: dupEmails,
      httpRefused: refused,
      sample,
    };
  } finally {
    try {
      await cleanUp(sql);
    } catch (error) {
      log(`rush clean-up failed: ${error}`);
    }
    await close();
    await sql.end();
  }
}
