import { type APIRequestContext, type Browser, request as playwrightRequest } from "@playwright/test";
import { thiersApplicationId, thiersAttachmentId } from "../applicant/db";
import { expect, test } from "../fixtures";
import { resacoopDraftIssueId, resacoopDraftPostId, thiersTandilId } from "../network/db";
import { reviewCallId, sampleAssignedApplicationId } from "../reviewer/data";
import { anyCallId, withSql } from "../support/calls-db";
import { type PersonaKey, signInAs } from "../support/personas";
import { conflictedReviewFixture } from "./idor-data";
import { discoverRoutes } from "./routes";

/**
 * The authorization matrix: for every route of the app (read from app/) and
 * every persona, the expected answer. A new route without an entry fails the
 * first test. Answers: 200 allowed, "login" redirected to sign-in, 403, 404.
 */
type Persona = "anonymous" | PersonaKey;
type Answer = 200 | 403 | 404 | 405 | "login";

const PERSONAS: Persona[] = [
  "anonymous",
  "applicant-thiers", // applicant of organisation A
  "applicant-other", // applicant of organisation B
  "reviewer", // reviewer assigned (on the call in review)
  "reviewer-2", // second reviewer
  "admin",
  "editor-resacoop", // network editor of région 84
  "editor-other", // network editor of another région
];

const everyone = (answer: Answer) =>
  Object.fromEntries(PERSONAS.map((p) => [p, answer])) as Record<Persona, Answer>;
const signedIn = (answer: Answer) => ({ ...everyone(answer), anonymous: "login" as Answer });
const only = (allowed: Persona[]) => {
  const row = signedIn(403);
  for (const p of allowed) row[p] = 200;
  return row;
};

/** Thiers's 2022 laureate, whose grant is closed and paid. */
async function thiersGrant2022Id() {
  return withSql(async (sql) => {
    const [row] = await sql<{ id: string }[]>`
      select a.id from applications a join calls c on c.id = a.call_id
      join organisations o on o.id = a.lead_organisation_id join grants g on g.application_id = a.id
      where o.insee_code = '63430' and c.year = 2022 and g.status = 'closed' limit 1`;
    if (!row) throw new Error("the 2022 Thiers – Tandil grant is not in the seed");
    return row.id;
  });
}

/** Sample URL for each route pattern, and who gets what. Public routes are public on purpose. */
const MATRIX: Record<string, { path: string | (() => Promise<string>); expect: Record<Persona, Answer> }> = {
  "/": { path: "/", expect: everyone(200) },
  "/accessibilite": { path: "/accessibilite", expect: everyone(200) },
  "/mentions-legales": { path: "/mentions-legales", expect: everyone(200) },
  "/donnees-personnelles": { path: "/donnees-personnelles", expect: everyone(200) },
  "/appels": { path: "/appels", expect: everyone(200) },
  "/appels/[slug]": { path: () => firstLink("/appels", /^\/appels\/[^/]+$/), expect: everyone(200) },
  "/laureats": { path: "/laureats", expect: everyone(200) },
  // The cached list /laureats?… is rewritten to (lib/public/laureates-routing.ts); public like it.
  "/laureats-filtres/[filtres]": { path: "/laureats-filtres/pays%3DAR", expect: everyone(200) },
  // A search /laureats?q=… is rewritten to (rendered per request); public like it.
  "/laureats-recherche": { path: "/laureats-recherche?q=eau", expect: everyone(200) },
  "/sitemap.xml": { path: "/sitemap.xml", expect: everyone(200) },
  "/laureats/[id]": {
    path: () => firstLink("/laureats", /^\/laureats\/[0-9a-f-]{36}$/),
    expect: everyone(200),
  },
  // Public site: statistics, map, open data and its files, public on purpose.
  "/statistiques": { path: "/statistiques", expect: everyone(200) },
  "/carte": { path: "/carte", expect: everyone(200) },
  "/donnees": { path: "/donnees", expect: everyone(200) },
  "/api/open-data/subventions.csv": { path: "/api/open-data/subventions.csv", expect: everyone(200) },
  "/api/open-data/subventions.json": { path: "/api/open-data/subventions.json", expect: everyone(200) },
  "/connexion": { path: "/connexion", expect: everyone(200) },
  "/connexion/verifier": { path: "/connexion/verifier", expect: everyone(200) },
  "/connexion/erreur": { path: "/connexion/erreur?error=Verification", expect: everyone(200) },
  // Demo mode only (the e2e run is in demo mode): public on purpose, see lib/authz.
  "/dev/courriels": { path: "/dev/courriels", expect: everyone(200) },
  "/espace": { path: "/espace", expect: signedIn(200) },
  "/espace/dossiers": { path: "/espace/dossiers", expect: signedIn(200) },
  // Thiers's seeded draft: only members of Ville de Thiers.
  "/espace/dossiers/[id]": {
    path: async () => `/espace/dossiers/${await thiersApplicationId("draft")}`,
    expect: only(["applicant-thiers"]),
  },
  "/espace/dossiers/[id]/verification": {
    path: async () => `/espace/dossiers/${await thiersApplicationId("draft")}/verification`,
    expect: only(["applicant-thiers"]),
  },
  "/espace/dossiers/[id]/recepisse": {
    path: async () => `/espace/dossiers/${await thiersApplicationId("information_requested")}/recepisse`,
    expect: only(["applicant-thiers"]),
  },
  // The decision letter of Ville de Thiers's published 2025 laureate: its members only; others 404.
  "/espace/dossiers/[id]/lettre-de-decision": {
    path: async () => `/espace/dossiers/${await thiersTandilId()}/lettre-de-decision`,
    expect: { ...signedIn(404), "applicant-thiers": 200 },
  },
  // The grant of Thiers's 2025 laureate: its page for its members; its PDFs for them and the ministry (404 otherwise).
  "/espace/dossiers/[id]/convention": {
    path: async () => `/espace/dossiers/${await thiersTandilId()}/convention`,
    expect: only(["applicant-thiers"]),
  },
  "/espace/dossiers/[id]/convention/document": {
    path: async () => `/espace/dossiers/${await thiersTandilId()}/convention/document`,
    expect: { ...signedIn(404), "applicant-thiers": 200, admin: 200 },
  },
  // A payment notice of Thiers's closed 2022 grant (its first instalment is paid).
  "/espace/dossiers/[id]/convention/avis/[position]": {
    path: async () => `/espace/dossiers/${await thiersGrant2022Id()}/convention/avis/1`,
    expect: { ...signedIn(404), "applicant-thiers": 200, admin: 200 },
  },
  // Answers to information requests are POST only (multipart, from the application's page).
  "/api/information-requests/[id]/answers": {
    path: "/api/information-requests/00000000-0000-4000-8000-000000000000/answers",
    expect: everyone(405),
  },
  // Uploads are POST only; downloads answer 404 to whoever may not see the file (no hint it exists).
  "/api/files": { path: "/api/files", expect: everyone(405) },
  "/api/files/[id]": {
    path: async () => `/api/files/${await thiersAttachmentId()}`,
    expect: { ...signedIn(404), "applicant-thiers": 200 },
  },
  // A document of Thiers's application in review: the lead's members, admins and the assigned reviewer
  // without conflict; the conflicted reviewer sees the page, not the documents (403); others 404.
  "/api/files/[id] (in review)": {
    path: async () => `/api/files/${(await conflictedReviewFixture()).attachmentId}`,
    expect: { ...signedIn(404), "applicant-thiers": 200, reviewer: 200, "reviewer-2": 403, admin: 200 },
  },
  "/instruction": { path: "/instruction", expect: only(["reviewer", "reviewer-2", "admin"]) },
  // A seeded application assigned to both reviewer personas.
  "/instruction/dossiers/[id]": {
    path: async () => `/instruction/dossiers/${await sampleAssignedApplicationId()}`,
    expect: only(["reviewer", "reviewer-2", "admin"]),
  },
  "/instruction/appels/[id]/aide-a-la-decision": {
    path: async () => `/instruction/appels/${await reviewCallId()}/aide-a-la-decision`,
    expect: only(["admin"]),
  },
  // The dashboard export: rows the user may see only; anonymous users are sent to sign in.
  "/api/exports/applications": {
    path: "/api/exports/applications?format=csv&status=accepted",
    expect: only(["reviewer", "reviewer-2", "admin"]),
  },
  "/reseau": { path: "/reseau", expect: only(["editor-resacoop", "editor-other"]) },
  // Network follow-up: the editor of the project's région only; the other région's editor is refused.
  "/reseau/projets/[id]": {
    path: async () => `/reseau/projets/${await thiersTandilId()}`,
    expect: only(["editor-resacoop"]),
  },
  "/reseau/pages/[id]": {
    path: async () => `/reseau/pages/${await resacoopDraftPostId()}`,
    expect: only(["editor-resacoop"]),
  },
  "/reseau/actualites": { path: "/reseau/actualites", expect: only(["editor-resacoop", "editor-other"]) },
  "/reseau/actualites/[id]": {
    path: async () => `/reseau/actualites/${await resacoopDraftIssueId()}`,
    expect: only(["editor-resacoop"]),
  },
  // Laureates' progress reports: any signed-in user sees their own organisations' laureates (or none).
  "/espace/rapports": { path: "/espace/rapports", expect: signedIn(200) },
  // Public network pages and feed: public on purpose.
  "/reseaux": { path: "/reseaux", expect: everyone(200) },
  "/reseaux/[slug]": { path: "/reseaux/resacoop", expect: everyone(200) },
  "/reseaux/[slug]/actualites": { path: "/reseaux/resacoop/actualites", expect: everyone(200) },
  "/reseaux/[slug]/actualites/[numero]": {
    path: "/reseaux/resacoop/actualites/999999",
    expect: everyone(404),
  },
  "/reseaux/[slug]/flux.xml": { path: "/reseaux/resacoop/flux.xml", expect: everyone(200) },
  // Follow-up images: upload is POST only; an image of an unpublished page is 404 to whoever may not edit it.
  "/api/reseaux/images": { path: "/api/reseaux/images", expect: everyone(405) },
  "/api/reseaux/images/[id]": {
    path: "/api/reseaux/images/00000000-0000-4000-8000-000000000000",
    expect: everyone(404),
  },
  "/admin": { path: "/admin", expect: only(["admin"]) },
  "/admin/utilisateurs": { path: "/admin/utilisateurs", expect: only(["admin"]) },
  // Calls, assignments and publication: admins only.
  "/admin/appels": { path: "/admin/appels", expect: only(["admin"]) },
  "/admin/appels/nouveau": { path: "/admin/appels/nouveau", expect: only(["admin"]) },
  "/admin/appels/[id]": { path: async () => `/admin/appels/${await anyCallId()}`, expect: only(["admin"]) },
  "/admin/appels/[id]/modifier": {
    path: async () => `/admin/appels/${await anyCallId()}/modifier`,
    expect: only(["admin"]),
  },
  "/admin/appels/[id]/affectations": {
    path: async () => `/admin/appels/${await anyCallId()}/affectations`,
    expect: only(["admin"]),
  },
  "/admin/appels/[id]/publication": {
    path: async () => `/admin/appels/${await anyCallId()}/publication`,
    expect: only(["admin"]),
  },
  // Agreements and payments: admins only.
  "/admin/appels/[id]/conventions": {
    path: async () => `/admin/appels/${await anyCallId()}/conventions`,
    expect: only(["admin"]),
  },
  "/admin/conventions/[id]": {
    path: async () => `/admin/conventions/${await thiersTandilId()}`,
    expect: only(["admin"]),
  },
  "/api/exports/conventions": {
    path: async () => `/api/exports/conventions?appel=${await anyCallId()}`,
    expect: only(["admin"]),
  },
  "/admin/courriels": { path: "/admin/courriels", expect: only(["admin"]) },
  // The outbox export (no bodies) and the audit trail with its export: admins only.
  "/api/exports/courriels": { path: "/api/exports/courriels", expect: only(["admin"]) },
  "/admin/journal": { path: "/admin/journal", expect: only(["admin"]) },
  "/api/exports/journal": { path: "/api/exports/journal", expect: only(["admin"]) },
  // Who is signed in (null for visitors), for the header menu.
  "/api/me": { path: "/api/me", expect: everyone(200) },
  "/api/health": { path: "/api/health", expect: everyone(200) },
  // Browsers' CSP violation reports: POST only, public on purpose (sent without cookies).
  "/api/csp-report": { path: "/api/csp-report", expect: everyone(405) },
  // Open data (official list of local authorities): public on purpose.
  "/api/organisations": { path: "/api/organisations?q=thiers", expect: everyone(200) },
  // Auth.js endpoints authenticate; the session endpoint answers everyone (null when signed out).
  "/api/auth/[...nextauth]": { path: "/api/auth/session", expect: everyone(200) },
};

let baseURL = "";
async function firstLink(from: string, pattern: RegExp) {
  const context = await playwrightRequest.newContext({ baseURL });
  const html = await (await context.get(from)).text();
  await context.dispose();
  const href = [...html.matchAll(/href="([^"]+)"/g)].map((m) => m[1] ?? "").find((h) => pattern.test(h));
  if (!href) throw new Error(`no link matching ${pattern} on ${from}`);
  return href;
}

async function contextFor(browser: Browser, persona: Persona): Promise<APIRequestContext> {
  if (persona === "anonymous") return playwrightRequest.newContext({ baseURL });
  const context = await browser.newContext({ baseURL });
  const page = await context.newPage();
  await signInAs(page, persona);
  const state = await context.storageState();
  await context.close();
  return playwrightRequest.newContext({ baseURL, storageState: state });
}

function answerOf(status: number, location: string | undefined): Answer | number {
  if ([302, 303, 307, 308].includes(status) && location?.includes("/connexion")) return "login";
  return status;
}

test("every route of the app has an entry in the matrix", () => {
  const missing = discoverRoutes()
    .map((r) => r.pattern)
    .filter((pattern) => !(pattern in MATRIX));
  expect(missing, "routes without an authorization entry").toEqual([]);
});

test.describe("authorization matrix", () => {
  test.describe.configure({ timeout: 120_000 });
  for (const persona of PERSONAS) {
    test(`answers as expected for ${persona}`, async ({ browser }, info) => {
      baseURL = String(info.project.use.baseURL);
      const context = await contextFor(browser, persona);
      const results: string[] = [];
      const expected: string[] = [];
      for (const [pattern, entry] of Object.entries(MATRIX)) {
        const path = typeof entry.path === "string" ? entry.path : await entry.path();
        const response = await context.get(path, { maxRedirects: 0 });
        results.push(`${pattern} → ${answerOf(response.status(), response.headers().location)}`);
        expected.push(`${pattern} → ${entry.expect[persona]}`);
      }
      await context.dispose();
      expect(results).toEqual(expected);
    });
  }
});
