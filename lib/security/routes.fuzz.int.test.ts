/**
 * Hostile input through every route handler, on the real
 * test PostgreSQL, as actions.fuzz.int.test.ts does for server actions: the
 * handlers' exported GET / HEAD / POST / DELETE called with real `Request` objects
 * carrying random and hostile query strings (malformed percent-encoding,
 * 10 000-character values, NUL, lone surrogates, prototype keys), path params
 * (hostile strings and real ids of the wrong kind), headers (content types,
 * lengths, cookies, forwarded hosts) and bodies (multipart with hostile fields
 * and files, garbage, JSON), by anonymous visitors and by each role.
 * Every answer must be a clear one: never an exception, never a 5xx (the
 * database is up), a body that can be read to the end (the export streams),
 * every refusal (4xx) in French, as text or as JSON `{ message }`; and a
 * refusal leaves every table's row count and last update as they were.
 * Auth.js's own handler (`app/api/auth/[...nextauth]`) is Auth.js's, tested by
 * the sign-in e2e. Only Next's request context is replaced: the session (the
 * real getCurrentUser reads the principal from the database), Next's data
 * cache (public queries run on the database every time) and invalidation.
 */
import { AsyncLocalStorage } from "node:async_hooks";
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { sql } from "drizzle-orm";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { testDb } from "@/db/testing/database";
import { CSP_REPORT_TYPES } from "./csp-report";
import { ENGLISH, hostileString } from "./hostile";

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
// Next's data cache needs Next's server; here every public query runs on the database.
vi.mock("next/cache", () => ({
  unstable_cache: <F>(fn: F) => fn,
  revalidatePath: () => {},
  revalidateTag: () => {},
  updateTag: () => {},
}));

const session = new AsyncLocalStorage<string>();
signedIn.current = session;
// Files a handler would write go to a folder of this run, never to .data/uploads.
const fileStore = mkdtempSync(path.join(tmpdir(), "routes-fuzz-"));
process.env.FILE_STORE_DIR = fileStore;

const RUNS = Number(process.env.FUZZ_RUNS ?? 20);
const TAG = `rfuzz-${Date.now().toString(36)}`;
const { db, close } = testDb();
const { databaseFingerprint } = await import("./fingerprint");
/** Answers per route and status, printed at the end (figures for docs/security.md). */
const outcomes: Record<string, Record<number, number>> = {};
afterAll(async () => {
  const total = Object.values(outcomes).reduce(
    (sum, o) => sum + Object.values(o).reduce((a, b) => a + b, 0),
    0,
  );
  console.log(
    `[routes-fuzz] ${total} hostile requests to ${Object.keys(outcomes).length} route handlers:`,
    JSON.stringify(outcomes),
  );
  await close();
  rmSync(fileStore, { recursive: true, force: true });
});

type Handler = (request: Request, context: { params: Promise<Record<string, string>> }) => Promise<Response>;
const load = async (file: string) =>
  (await import(/* @vite-ignore */ `@/${file}`)) as Record<string, Handler>;

/** Real ids of the fixture, so that values pass their format checks and the handler reaches the rest. */
const ids: Record<string, string[]> = {};

async function one<T>(query: ReturnType<typeof sql>) {
  const row = ((await db.execute(query)) as unknown as T[])[0];
  if (!row) throw new Error("fixture row not created");
  return row;
}
const idOf = async (query: ReturnType<typeof sql>) => (await one<{ id: string }>(query)).id;

beforeAll(async () => {
  const user = (label: string) =>
    idOf(
      sql`insert into users (id, email, name) values (gen_random_uuid()::text, ${`${TAG}-${label}@exemple.fr`}, ${`Agent ${label}`}) returning id`,
    );
  const applicant = await user("candidat");
  const reviewer = await user("instructeur");
  const admin = await user("admin");
  const editor = await user("editeur");
  const lead = await one<{ id: number }>(
    sql`select id from organisations where kind = 'commune' and region_code = '84' order by id limit 1 offset 3`,
  );
  const network = await idOf(
    sql`insert into regional_networks (slug, name, region_code) values (${TAG}, 'Réseau témoin', '84') returning id`,
  );
  await db.execute(
    sql`insert into user_roles (user_id, role) values (${reviewer}, 'reviewer'), (${admin}, 'admin')`,
  );
  await db.execute(
    sql`insert into user_roles (user_id, role, network_id) values (${editor}, 'network_editor', ${network})`,
  );
  await db.execute(
    sql`insert into memberships (user_id, organisation_id, role, status) values (${applicant}, ${lead.id}, 'manager', 'active')`,
  );
  const call = await idOf(sql`
    insert into calls (slug, code, year, title, opens_at, closes_at, max_grant_cents, max_share_percent, envelope_cents, last_receipt_seq)
    values (${TAG}, 'RFZ', 2096, 'Appel témoin', '2020-01-01T00:00:00Z', '2999-01-01T00:00:00Z', 10000000, 50, 100000000, 2)
    returning id`);
  const document = await idOf(
    sql`insert into required_documents (call_id, position, label, accepted_types) values (${call}, 0, 'Délibération', array['application/pdf']) returning id`,
  );
  const application = (status: string, receipt: string | null) =>
    idOf(sql`
      insert into applications (call_id, lead_organisation_id, title, requested_amount_cents, status, receipt_number, submitted_at, created_by)
      values (${call}, ${lead.id}, ${`Projet ${TAG} ${status}`}, 1000000, ${status}::application_status, ${receipt},
              ${receipt ? sql`now()` : null}, ${applicant})
      returning id`);
  const draft = await application("draft", null);
  const submitted = await application("submitted", "2096-RFZ-0001");
  const requested = await application("information_requested", "2096-RFZ-0002");
  const request = await idOf(
    sql`insert into messages (application_id, kind, body) values (${requested}, 'information_request', 'Joignez la lettre signée.') returning id`,
  );
  // Stored files with their bytes, so that downloads reach the answer with the file.
  const { getFileStore } = await import("@/lib/files/store");
  const stored = async (query: ReturnType<typeof sql>, bytes: string) => {
    const row = await one<{ id: string; key: string }>(query);
    await getFileStore().put(row.key, new TextEncoder().encode(bytes));
    return row.id;
  };
  const file = (applicationId: string) =>
    stored(
      sql`
      insert into attachments (application_id, required_document_id, original_name, storage_key, content_type, size_bytes, sha256, uploaded_by)
      values (${applicationId}, ${document}, ${"délibération 👩‍👩‍👧 <script>.pdf"}, 'applications/' || ${applicationId} || '/' || gen_random_uuid(), 'application/pdf', 10, 'x', ${applicant})
      returning id, storage_key as key`,
      "%PDF-1.4\n%%EOF\n",
    );
  const draftFile = await file(draft);
  const submittedFile = await file(submitted);
  const post = await idOf(
    sql`insert into followup_posts (network_id, title, body_md) values (${network}, 'Page témoin', 'Texte') returning id`,
  );
  const image = await stored(
    sql`
    insert into attachments (followup_post_id, original_name, storage_key, content_type, size_bytes, sha256, alt_text, uploaded_by)
    values (${post}, 'carte.png', 'followup/' || ${post} || '/' || gen_random_uuid(), 'image/png', 10, 'x', 'Carte', ${editor})
    returning id, storage_key as key`,
    "\x89PNG\r\n",
  );
  Object.assign(ids, {
    user: [applicant, reviewer, admin, editor],
    applicant: [applicant],
    editor: [editor],
    admin: [admin],
    slug: [TAG, "resacoop", "centraider"],
    call: [call],
    application: [draft, submitted],
    document: [document],
    attachment: [draftFile, submittedFile, image],
    post: [post],
    request: [request],
  });
});

const fingerprint = () => databaseFingerprint(db);

/** Parameter names the handlers read (the dashboard's filters, the autocomplete, the export's format). */
const PARAMS = [
  "q",
  "format",
  "status",
  "call",
  "callId",
  "page",
  "sort",
  "order",
  "region",
  "departement",
  "reviewer",
  "recommendation",
  "conflict",
  "year",
  "theme",
  "country",
  // The admin's journal and outbox filters (French keys, as their forms send them).
  "statut",
  "modele",
  "destinataire",
  "du",
  "au",
  "qui",
  "quoi",
  "appel",
  "dossier",
  "compte",
  "objet",
  "__proto__",
  "constructor",
];

/** Query strings: hostile pairs encoded by URLSearchParams, or raw malformed ones. */
const queryString = fc.oneof(
  {
    weight: 3,
    arbitrary: fc
      .array(fc.tuple(fc.oneof(fc.constantFrom(...PARAMS), hostileString), hostileString), { maxLength: 5 })
      .map((pairs) => new URLSearchParams(pairs).toString()),
  },
  fc.constantFrom(
    "%",
    "%%",
    "q=%E0%A4%A",
    "q=%00",
    "q=%C0%AF",
    "q=%F0%9F%98",
    "a[]=1&a[]=2&__proto__[admin]=1",
    `q=${"%41".repeat(3_000)}`,
    "&&&==",
    ";q=1",
    "format=xlsx&format=csv",
    "page=-1",
    "page=1e308",
    "page=NaN",
    "q=' OR 1=1 --",
  ),
);

const ASCII = [...Array.from({ length: 95 }, (_, i) => String.fromCharCode(32 + i))];
const headerValue = fc.oneof(
  fc.constantFrom(
    "",
    "application/json",
    "multipart/form-data",
    "multipart/form-data; boundary=",
    "multipart/form-data; boundary=----x",
    "text/plain; charset=utf-7",
    "application/x-www-form-urlencoded",
    "-1",
    "99999999999999999999",
    "1e308",
    "../../etc/passwd",
    "evil.example",
    "https://evil.example",
    "authjs.session-token=forged; __Host-authjs.csrf-token=x",
    "bytes=0-0,-1",
    "\u00e9t\u00e9",
  ),
  fc.string({ unit: fc.constantFrom(...ASCII), maxLength: 300 }),
);
const headers = fc.dictionary(
  fc.constantFrom(
    "content-type",
    "content-length",
    "accept",
    "accept-language",
    "cookie",
    "origin",
    "referer",
    "x-forwarded-for",
    "x-forwarded-host",
    "x-forwarded-proto",
    "range",
    "if-none-match",
    "user-agent",
  ),
  headerValue,
  { maxKeys: 4 },
);

const idValue = (kind: string) =>
  fc.oneof({ weight: 3, arbitrary: fc.constantFrom(...(ids[kind] ?? ["x"])) }, hostileString);

/** File contents: empty, random bytes, or the start of a real type with garbage after. */
const fileBytes = fc.oneof(
  fc.uint8Array({ maxLength: 2_000 }),
  fc
    .tuple(
      fc.constantFrom(
        "%PDF-1.7\n",
        "\x89PNG\r\n\x1a\n",
        "\xff\xd8\xff",
        "PK\x03\x04",
        "MZ",
        "GIF89a",
        "<svg",
      ),
      fc.uint8Array({ maxLength: 500 }),
    )
    .map(([head, tail]) => new Uint8Array([...Buffer.from(head, "latin1"), ...tail])),
);
const fileName = fc.oneof(
  fc.constantFrom("rapport.pdf", "rapport.pdf.exe", "../../etc/passwd.pdf", "carte.png", "a".repeat(300), ""),
  hostileString,
);

/** Multipart bodies with the fields of the upload handlers (real ids or hostile), or garbage. */
function uploadBody(fields: Record<string, string>) {
  const multipart = fc
    .tuple(
      fc.record(
        Object.fromEntries(
          Object.entries(fields).map(([name, kind]) => [
            name,
            fc.option(kind === "text" ? hostileString : idValue(kind), { nil: undefined, freq: 8 }),
          ]),
        ),
      ),
      fc.option(fc.tuple(fileBytes, fileName), { nil: undefined, freq: 4 }),
      fc.boolean(),
    )
    .map(([values, file, fileAsText]) => {
      const form = new FormData();
      for (const [name, value] of Object.entries(values)) if (value !== undefined) form.append(name, value);
      if (file) {
        if (fileAsText) form.append("file", Buffer.from(file[0]).toString("latin1"));
        else form.append("file", new File([file[0]], file[1]));
      }
      return form as BodyInit;
    });
  return fc.oneof(
    { weight: 8, arbitrary: multipart },
    fc.uint8Array({ maxLength: 2_000 }).map((b) => b as BodyInit),
    hostileString.map((s) => s as BodyInit),
    fc.jsonValue().map((v) => JSON.stringify(v) as BodyInit),
  );
}

/** CSP reports as browsers send them, with hostile fields, or garbage. */
const cspReportBody = fc
  .oneof(
    {
      weight: 2,
      arbitrary: fc
        .dictionary(
          fc.constantFrom(
            "document-uri",
            "blocked-uri",
            "violated-directive",
            "script-sample",
            "line-number",
          ),
          fc.oneof(hostileString, fc.integer(), fc.constant(null)),
        )
        .map((r) => JSON.stringify({ "csp-report": r })),
    },
    {
      weight: 2,
      arbitrary: fc
        .array(
          fc.record({
            type: fc.oneof(fc.constant("csp-violation"), hostileString),
            body: fc.dictionary(
              fc.constantFrom("documentURL", "blockedURL", "effectiveDirective", "sample", "lineNumber"),
              fc.oneof(hostileString, fc.integer(), fc.constant(null)),
            ),
          }),
          { maxLength: 60 },
        )
        .map((r) => JSON.stringify(r)),
    },
    hostileString,
    fc.jsonValue().map((v) => JSON.stringify(v)),
    fc.constant(JSON.stringify({ "csp-report": { "script-sample": "x".repeat(70_000) } })),
  )
  .map((b) => b as BodyInit);

type Route = {
  /** The file under app/, as the test reads it. */
  file: string;
  method: "GET" | "HEAD" | "POST" | "DELETE";
  /** The path param's name, if the route has one, and the kind of real id it takes. */
  param?: { name: string; kind: string };
  body?: () => fc.Arbitrary<BodyInit | undefined>;
  /** Headers the route reads, drawn over the random ones (e.g. the content types it accepts). */
  headers?: () => fc.Arbitrary<Record<string, string>>;
  /** The user the route is for (drawn half of the time), so that hostile values get past the first checks. */
  owner?: string;
};

/** Every route handler of app/, except Auth.js's own. */
const ROUTES: Route[] = [
  { file: "app/api/health/route.ts", method: "GET" },
  { file: "app/api/me/route.ts", method: "GET" },
  { file: "app/api/organisations/route.ts", method: "GET" },
  { file: "app/api/open-data/subventions.csv/route.ts", method: "GET" },
  { file: "app/api/open-data/subventions.json/route.ts", method: "GET" },
  { file: "app/sitemap.xml/route.ts", method: "GET" },
  {
    file: "app/(public)/reseaux/[slug]/flux.xml/route.ts",
    method: "GET",
    param: { name: "slug", kind: "slug" },
  },
  { file: "app/api/exports/applications/route.ts", method: "GET" },
  { file: "app/api/exports/applications/route.ts", method: "HEAD" },
  // The admin's exports: hostile filters from an admin as well as from anyone.
  { file: "app/api/exports/courriels/route.ts", method: "GET", owner: "admin" },
  { file: "app/api/exports/journal/route.ts", method: "GET", owner: "admin" },
  { file: "app/api/exports/conventions/route.ts", method: "GET", owner: "admin" },
  { file: "app/api/files/[id]/route.ts", method: "GET", param: { name: "id", kind: "attachment" } },
  { file: "app/api/files/[id]/route.ts", method: "DELETE", param: { name: "id", kind: "attachment" } },
  {
    file: "app/api/files/route.ts",
    method: "POST",
    body: () => uploadBody({ applicationId: "application", requiredDocumentId: "document" }),
    owner: "applicant",
  },
  {
    file: "app/api/information-requests/[id]/answers/route.ts",
    method: "POST",
    param: { name: "id", kind: "request" },
    body: () => uploadBody({ body: "text" }),
    owner: "applicant",
  },
  {
    file: "app/api/reseaux/images/route.ts",
    method: "POST",
    body: () => uploadBody({ postId: "post", altText: "text" }),
    owner: "editor",
  },
  {
    file: "app/api/csp-report/route.ts",
    method: "POST",
    body: () => cspReportBody,
    headers: () =>
      fc.record({
        "content-type": fc.oneof({ weight: 3, arbitrary: fc.constantFrom(...CSP_REPORT_TYPES) }, headerValue),
      }),
  },
  { file: "app/api/reseaux/images/[id]/route.ts", method: "GET", param: { name: "id", kind: "attachment" } },
  {
    file: "app/(candidat)/espace/dossiers/[id]/lettre-de-decision/route.ts",
    method: "GET",
    param: { name: "id", kind: "application" },
    owner: "applicant",
  },
  {
    file: "app/(candidat)/espace/dossiers/[id]/convention/document/route.ts",
    method: "GET",
    param: { name: "id", kind: "application" },
    owner: "applicant",
  },
  {
    file: "app/(candidat)/espace/dossiers/[id]/convention/avis/[position]/route.ts",
    method: "GET",
    param: { name: "id", kind: "application" },
    owner: "applicant",
  },
];

/** Every route.ts under app/ (Auth.js's excepted). */
function routeFiles(dir = "app"): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return routeFiles(full);
    return name === "route.ts" ? [full] : [];
  });
}

/** What a user can read of a refusal: the text, or the JSON's message. */
function refusalWords(contentType: string, body: string) {
  if (contentType.includes("json")) {
    const parsed = JSON.parse(body) as { message?: unknown };
    return String(parsed.message ?? "");
  }
  return body;
}

describe("route handlers under hostile input", () => {
  it("covers every route handler of app/ and every method it exports (Auth.js's excepted)", async () => {
    const listed = new Set(ROUTES.map((r) => `${r.file} ${r.method}`));
    const found: string[] = [];
    for (const file of routeFiles().filter((f) => !f.startsWith(path.join("app", "api", "auth")))) {
      const source = readFileSync(file, "utf8");
      for (const m of source.matchAll(/export async function (GET|HEAD|POST|PUT|PATCH|DELETE)\b/g)) {
        found.push(`${file} ${m[1]}`);
      }
    }
    expect(found.sort()).toEqual([...listed].sort());
  });

  for (const route of ROUTES) {
    it(`${route.method} ${route.file}: a clear answer, in French when refused, never a 5xx, nothing half-written`, async () => {
      const handler = (await load(route.file))[route.method];
      if (!handler) throw new Error(`${route.file} exports no ${route.method}`);
      const anyone = fc.option(fc.constantFrom(...(ids.user ?? [])), { nil: undefined });
      const who = route.owner ? fc.oneof(fc.constantFrom(...(ids[route.owner] ?? [])), anyone) : anyone;
      const head = route.headers
        ? fc.tuple(headers, route.headers()).map(([random, own]) => ({ ...random, ...own }))
        : headers;
      const param = route.param ? idValue(route.param.kind) : fc.constant("");
      const body = route.body ? route.body() : fc.constant(undefined);
      const name = `${route.method} ${route.file.replace(/^app\//, "").replace(/\/route\.ts$/, "")}`;
      await fc.assert(
        fc.asyncProperty(who, queryString, param, head, body, async (userId, query, value, sent, payload) => {
          const pathPart = route.param
            ? `/x/${encodeURIComponent(value.replace(/[\ud800-\udfff]/g, ""))}`
            : "/x";
          const request = new Request(`http://localhost${pathPart}?${query}`, {
            method: route.method,
            headers: sent,
            ...(payload !== undefined && route.method === "POST" ? { body: payload } : {}),
          });
          const context = { params: Promise.resolve(route.param ? { [route.param.name]: value } : {}) };
          const before = await fingerprint();
          const response = userId
            ? await session.run(userId, () => handler(request, context))
            : await handler(request, context);
          // The whole body, as the browser would read it (the export streams rows after the status).
          const text = Buffer.from(await response.arrayBuffer()).toString("utf8");
          const tally = outcomes[name] ?? {};
          outcomes[name] = tally;
          tally[response.status] = (tally[response.status] ?? 0) + 1;
          expect(response.status, text.slice(0, 200)).toBeLessThan(500);
          // HEAD answers with the status and headers only; its refusals are read from the GET.
          if (route.method === "HEAD") expect(text).toBe("");
          if (response.status < 400 || route.method === "HEAD") return;
          const words = refusalWords(response.headers.get("content-type") ?? "", text);
          expect(words, "a refusal says why").toMatch(/\p{L}{3}/u);
          expect(words).not.toMatch(ENGLISH);
          expect(await fingerprint(), "a refused request changed the database").toBe(before);
        }),
        // Found by the fuzzer once, kept as a fixed case: a signed-out caller with a lone surrogate as id
        // (encodeURIComponent throws on it, which made the sign-in redirect a 500).
        { numRuns: RUNS, examples: [[undefined, "", "\ud800", {}, undefined]] },
      );
    });
  }
});
