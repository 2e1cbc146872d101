import { token, withSql } from "../support/calls-db";

/**
 * Hostile text for every free-text column a page shows: script tags, event
 * attributes, `javascript:` and `data:` URLs (raw and in Markdown), SVG and
 * MathML tricks, template-injection syntax and a right-to-left override. Each
 * executable part sets `window.__xss` or opens a dialog, which the spec
 * watches for. The marker is plain text the page must show, proving the field
 * was rendered on the page under test.
 */
export function hostileText(marker: string) {
  return [
    marker,
    `<script>window.__xss=1;alert(1)</script>`,
    `<img src=x onerror="window.__xss=2;alert(2)">`,
    `<svg/onload=window.__xss=3><animate onbegin=alert(3) attributeName=x dur=1s>`,
    `"><iframe src="javascript:alert(4)"></iframe>`,
    `'><details open ontoggle=alert(5)>`,
    `[lien](javascript:alert(6)) [lien2](JaVaScRiPt:alert(7)) ![image](javascript:alert(8))`,
    `[donnée](data:text/html;base64,PHNjcmlwdD5hbGVydCg5KTwvc2NyaXB0Pg==)`,
    `<a href="javascript:alert(10)">clic</a> <math><mi xlink:href="javascript:alert(11)">x</mi></math>`,
    `</textarea></title><script>alert(12)</script>`,
    `{{constructor.constructor('alert(13)')()}} \${alert(14)}`,
    `\u202Efdp.exe ﷽ مرحبا`,
  ].join("\n");
}

export type XssFixture = {
  marker: string;
  /** A submitted application of Nantes in the call in review, assigned to the reviewer persona. */
  privateApplicationId: string;
  /** A laureate of a published 2017 call (a year no other test reads), led by Nantes. */
  publicApplicationId: string;
  publicCallSlug: string;
  /** A draft general page of RESACOOP, edited by its network editor. */
  draftPostId: string;
};

/**
 * Writes the hostile text into the columns users type (application, partners,
 * operators, budget, messages, review comments, call texts, follow-up pages),
 * straight in the database: the spec tests what the pages do with stored text
 * whatever path it came in by (server-side validation is tested elsewhere).
 */
export async function seedHostileContent(): Promise<XssFixture> {
  const t = token();
  const marker = `XSS${t}`;
  const text = hostileText(marker);
  return withSql((sql) =>
    sql.begin(async (tx) => {
      const [nantes] = await tx<{ id: number }[]>`
        select id from organisations where kind = 'commune' and insee_code = '44109'`;
      const [reviewer] = await tx<{ id: string }[]>`
        select id from users where email = 'reviewer@demo.cooperation.example'`;
      const [applicant] = await tx<{ id: string }[]>`
        select id from users where email = 'applicant-other@demo.cooperation.example'`;
      const [editor] = await tx<{ id: string }[]>`
        select id from users where email = 'editor-resacoop@demo.cooperation.example'`;
      const [reviewCall] = await tx<{ id: string }[]>`
        select c.id from calls c
        where c.results_published_at is null and c.closes_at < now()
          and exists (select 1 from applications a join reviewer_assignments ra on ra.application_id = a.id
                      where a.call_id = c.id)
        order by c.closes_at desc limit 1`;
      if (!nantes || !reviewer || !applicant || !editor || !reviewCall) throw new Error("seed rows missing");
      const nantesId = nantes.id;
      const applicantId = applicant.id;

      const [partner] = await tx<{ id: string }[]>`
        insert into foreign_partners (name, kind, country_code, is_fictitious)
        values (${`${marker} partenaire ${text}`}, 'municipality', 'IS', true) returning id`;
      const [operator] = await tx<{ id: string }[]>`
        insert into operators (name, kind, is_fictitious)
        values (${`${marker} opérateur ${text}`}, 'ngo', true) returning id`;

      if (!partner || !operator) throw new Error("partner or operator not created");
      const partnerId = partner.id;
      const operatorId = operator.id;

      async function application(callId: string, status: "in_review" | "accepted", receipt: string) {
        const [row] = await tx<{ id: string }[]>`
          insert into applications (call_id, lead_organisation_id, title, summary, objectives, expected_results,
                                    beneficiaries, on_behalf_of, requested_amount_cents, status, receipt_number,
                                    submitted_at, submitted_by, created_by, is_fictitious)
          values (${callId}, ${nantesId}, ${`${marker} ${text}`}, ${text}, ${text}, ${text}, ${text}, ${text},
                  3000000, ${status}, ${receipt}, now() - interval '20 days', ${applicantId}, ${applicantId}, true)
          returning id`;
        if (!row) throw new Error("application not created");
        await tx`insert into participants (application_id, role, foreign_partner_id, contact_name)
                 values (${row.id}, 'foreign_partner', ${partnerId}, ${text})`;
        await tx`insert into participants (application_id, role, operator_id, contact_name)
                 values (${row.id}, 'operator', ${operatorId}, ${text})`;
        await tx`insert into pairings (application_id, organisation_id, foreign_partner_id)
                 values (${row.id}, ${nantesId}, ${partnerId})`;
        await tx`insert into budget_lines (application_id, kind, category, label, amount_cents, funder_name)
                 values (${row.id}, 'expense', 'travel', ${text}, 9000000, null),
                        (${row.id}, 'cofinancing', null, ${text}, 1000000, ${text})`;
        return row.id;
      }

      // Private side: in review, with an information request, an answer and a submitted review.
      const privateApplicationId = await application(reviewCall.id, "in_review", `XSS-${t}-1`);
      await tx`insert into reviewer_assignments (application_id, reviewer_id) values (${privateApplicationId}, ${reviewer.id})`;
      const [request] = await tx<{ id: string }[]>`
        insert into messages (application_id, kind, body, author_id)
        values (${privateApplicationId}, 'information_request', ${text}, ${reviewer.id}) returning id`;
      await tx`insert into messages (application_id, kind, body, author_id, in_reply_to)
               values (${privateApplicationId}, 'answer', ${text}, ${applicant.id}, ${request?.id ?? null})`;
      const [review] = await tx<{ id: string }[]>`
        insert into reviews (application_id, reviewer_id, status, overall_comment, recommendation, submitted_at)
        values (${privateApplicationId}, ${reviewer.id}, 'submitted', ${text}, 'accept', now()) returning id`;
      await tx`
        insert into scores (review_id, criterion_id, max_score, score, comment)
        select ${review?.id ?? null}, c.id, c.max_score, c.max_score, ${text} from criteria c where c.call_id = ${reviewCall.id}`;

      // Public side: a published 2017 call (Markdown texts) with one laureate and a follow-up page.
      const [call] = await tx<{ id: string; slug: string }[]>`
        insert into calls (slug, code, year, title, description_md, eligibility_md, opens_at, closes_at,
                           max_grant_cents, max_share_percent, envelope_cents, results_published_at, is_fictitious)
        values (${`xss-${t.toLowerCase()}`}, ${`X${t}`}, 2017, ${`${marker} appel ${text}`}, ${text}, ${text},
                '2017-01-15T08:00:00Z', '2017-03-31T10:00:00Z', 6000000, 50, 50000000, now() - interval '1 day', true)
        returning id, slug`;
      if (!call) throw new Error("call not created");
      await tx`insert into criteria (call_id, position, label, weight, max_score) values (${call.id}, 0, ${text}, 1, 5)`;
      const publicApplicationId = await application(call.id, "accepted", `XSS-${t}-2`);
      await tx`insert into decisions (application_id, outcome, granted_amount_cents)
               values (${publicApplicationId}, 'accepted', 2500000)`;
      await tx`
        insert into followup_posts (network_id, application_id, title, body_md, status, published_at, author_id)
        select id, ${publicApplicationId}, ${`${marker} suivi ${text}`}, ${text}, 'published',
               '2017-06-01T10:00:00Z', ${editor.id}
        from regional_networks where slug = 'resacoop'`;
      const [draft] = await tx<{ id: string }[]>`
        insert into followup_posts (network_id, title, body_md, author_id)
        select id, ${`${marker} brouillon ${text}`}, ${text}, ${editor.id} from regional_networks where slug = 'resacoop'
        returning id`;
      if (!draft) throw new Error("draft page not created");
      return {
        marker,
        privateApplicationId,
        publicApplicationId,
        publicCallSlug: call.slug,
        draftPostId: draft.id,
      };
    }),
  );
}
