import { randomUUID } from "node:crypto";
import { readdirSync } from "node:fs";
import path from "node:path";
import type { APIRequestContext, Page } from "@playwright/test";
import sharp from "sharp";
import { expect, expectNoAxeViolations, test } from "../fixtures";
import { resacoopDraftPostId } from "../network/db";
import { signInAs } from "../support/personas";
import { discoverRoutes } from "./routes";

/**
 * What an outside tester did to the running demo, replayed on the built app:
 * anonymous URLs filling Next's route cache, malformed percent-encoding,
 * a follow-up image read as an application document, headers of the image
 * route and of the export's refusal.
 */

/** Files of the build's caches: Next's route cache (pages, route answers) and its data cache. */
const distDir = process.env.NEXT_DIST_DIR ?? ".next";
function cacheFiles() {
  const files: string[] = [];
  for (const dir of [path.join(distDir, "server", "route-cache"), path.join(distDir, "cache")]) {
    try {
      for (const e of readdirSync(dir, { recursive: true, withFileTypes: true })) {
        if (e.isFile()) files.push(path.join(e.parentPath, e.name));
      }
    } catch {
      // Not created yet: nothing cached there.
    }
  }
  return files;
}

/** GETs the URLs, a few at a time, and returns their statuses. */
async function getAll(request: APIRequestContext, urls: string[], parallel = 8) {
  const statuses: number[] = [];
  for (let i = 0; i < urls.length; i += parallel) {
    const batch = urls.slice(i, i + parallel);
    const responses = await Promise.all(batch.map((url) => request.get(url, { maxRedirects: 0 })));
    statuses.push(...responses.map((r) => r.status()));
  }
  return statuses;
}

/** 1 000 distinct URLs nobody published: ids, slugs, numbers and filter values, well-formed or not. */
function unknownUrls() {
  const urls: string[] = [];
  for (let i = 0; i < 1000; i++) {
    const word = `x${randomUUID().slice(0, 8)}`;
    const kinds = [
      `/laureats/${randomUUID()}`,
      `/laureats/${word}`,
      `/appels/${word}`,
      `/appels/${word.toUpperCase()}`,
      `/reseaux/${word}`,
      `/reseaux/${word}/actualites`,
      `/reseaux/${word}/flux.xml`,
      `/reseaux/resacoop/actualites/${100_000 + i}`,
      `/laureats?theme=${word}`,
      `/laureats?annee=${2030 + (i % 60)}&pays=${String.fromCharCode(65 + (i % 26), 65 + ((i / 26) % 26))}`,
      `/laureats?appel=${word}`,
      `/laureats?page=${1000 + i}`,
      `/laureats-filtres/${word}`,
    ];
    urls.push(kinds[i % kinds.length] as string);
  }
  return urls;
}

// Alone (playwright.config.ts): another test's first visit of a page would add its entry meanwhile.
test("1 000 distinct unknown URLs leave the route cache's file count unchanged", { tag: "@alone" }, async ({
  request,
}) => {
  test.setTimeout(600_000);
  // Each kind of page once, known and unknown: what is shared by every request (the static 404,
  // the options of the laureates' filters, a network's page) is cached before counting.
  await getAll(request, [
    "/laureats",
    "/laureats?annee=2025",
    "/reseaux/resacoop",
    "/reseaux/resacoop/actualites",
    "/reseaux/resacoop/flux.xml",
    ...unknownUrls().slice(0, 13),
  ]);
  const before = new Set(cacheFiles());
  expect(before.size).toBeGreaterThan(0);

  const urls = unknownUrls();
  expect(new Set(urls).size).toBe(1000);
  const statuses = await getAll(request, urls);
  // Unknown ids and slugs are 404s; unknown filter values and pages past the last redirect to the list.
  expect(statuses.filter((s) => s !== 404 && s !== 307)).toEqual([]);
  // Named, so that a failure says which entries appeared.
  expect(cacheFiles().filter((file) => !before.has(file))).toEqual([]);

  // The cache still serves what exists. STALE is served from the cache too: it is what Next says
  // once the page's 300 s have passed since an earlier test first rendered it.
  const known = await request.get("/laureats?annee=2025");
  expect(known.status()).toBe(200);
  expect(["HIT", "STALE"]).toContain(known.headers()["x-nextjs-cache"]);
});

test("a 404 is not kept for long by shared caches; the filters refuse values no laureate uses", async ({
  request,
}) => {
  // Ids and slugs that cannot exist: Next's static 404, never stored.
  for (const url of ["/laureats/pas-un-id", "/appels/Pas_Un_Slug", "/reseaux/resacoop/actualites/premier"]) {
    const response = await request.get(url);
    expect(response.status(), url).toBe(404);
    expect(response.headers()["cache-control"], url).toMatch(/no-store/);
    expect(await response.text(), url).toContain("Page introuvable");
  }
  // Well-formed but unknown: rendered by its page, at most an hour in a shared cache (was a year).
  for (const url of [`/laureats/${randomUUID()}`, "/appels/appel-inconnu-2099", "/reseaux/reseau-inconnu"]) {
    const response = await request.get(url);
    expect(response.status(), url).toBe(404);
    const cacheControl = response.headers()["cache-control"] ?? "";
    const seconds = [...cacheControl.matchAll(/(?:s-maxage|stale-while-revalidate)=(\d+)/g)].reduce(
      (sum, m) => sum + Number(m[1]),
      0,
    );
    expect(seconds, `${url}: ${cacheControl}`).toBeLessThanOrEqual(3600);
  }
  // A theme nobody chose: back to the list without it; a page past the last: the last one.
  // (Next writes the Location header of a redirect rendered by a cached page twice, with the same value.)
  const locations = (response: Awaited<ReturnType<APIRequestContext["get"]>>) => [
    ...new Set(
      response
        .headersArray()
        .filter((h) => h.name.toLowerCase() === "location")
        .map((h) => h.value),
    ),
  ];
  const theme = await request.get("/laureats?theme=n%27importe+quoi", { maxRedirects: 0 });
  expect(theme.status()).toBe(307);
  expect(locations(theme)).toEqual(["/laureats"]);
  const last = await request.get("/laureats?page=99999", { maxRedirects: 0 });
  expect(last.status()).toBe(307);
  expect(locations(last)).toEqual([expect.stringMatching(/^\/laureats(\?page=\d+)?$/)]);
});

test("a browser sent a theme nobody chose lands on the list without it", async ({ page }) => {
  await page.goto("/laureats?annee=2025&theme=th%C3%A8me+invent%C3%A9");
  await expect(page).toHaveURL(/\/laureats\?annee=2025$/);
  await expect(page.getByRole("heading", { level: 1, name: "Projets lauréats" })).toBeVisible();
});

test("malformed percent-encoding in a dynamic segment answers 400 with the security headers", async ({
  request,
}) => {
  const encodings = ["%ff", "%", "%E0%A4%A", "%c0%af"];
  const valid: Record<string, string> = { slug: "resacoop", numero: "1" };
  const urls: string[] = [];
  for (const { pattern } of discoverRoutes().filter((r) => r.pattern.includes("["))) {
    const segments = pattern.split("/");
    segments.forEach((segment, index) => {
      if (!segment.startsWith("[")) return;
      for (const bad of encodings) {
        const url = segments
          .map((s, i) => {
            if (i === index) return bad;
            const name = /^\[+(?:\.\.\.)?([^\]]+)\]+$/.exec(s)?.[1];
            return name ? (valid[name] ?? randomUUID()) : s;
          })
          .join("/");
        urls.push(url);
      }
    });
  }
  expect(urls.length).toBeGreaterThanOrEqual(44);
  for (const url of urls) {
    const response = await request.get(url, { maxRedirects: 0 });
    expect(response.status(), url).toBe(400);
    const headers = response.headers();
    expect(headers["content-security-policy"], url).toContain("frame-ancestors 'none'");
    expect(headers["x-frame-options"], url).toBe("DENY");
    expect(headers["x-content-type-options"], url).toBe("nosniff");
    expect(await response.text(), url).toContain("Adresse invalide");
  }
});

async function uploadFollowupImage(page: Page) {
  const postId = await resacoopDraftPostId();
  const png = await sharp({ create: { width: 8, height: 8, channels: 3, background: "#000091" } })
    .png()
    .toBuffer();
  const upload = await page.request.post("/api/reseaux/images", {
    multipart: {
      postId,
      altText: "Un atelier",
      file: { name: "atelier.png", mimeType: "image/png", buffer: png },
    },
  });
  expect(upload.status()).toBe(201);
  return ((await upload.json()) as { image: { id: string } }).image.id;
}

test("a follow-up image is sandboxed and is not an application document", async ({ browser }) => {
  const editor = await browser.newPage();
  await signInAs(editor, "editor-resacoop");
  const imageId = await uploadFollowupImage(editor);
  const image = await editor.request.get(`/api/reseaux/images/${imageId}`);
  expect(image.status()).toBe(200);
  expect(image.headers()["content-security-policy"]).toMatch(/(^|; )sandbox(;|$)/);

  // Staff reading the image of an unpublished page through the application documents' route: not found.
  const admin = await browser.newPage();
  await signInAs(admin, "admin");
  const asDocument = await admin.request.get(`/api/files/${imageId}`);
  expect(asDocument.status()).toBe(404);
  await editor.close();
  await admin.close();
});

test("the export's refusal is not cached", async ({ page }) => {
  await signInAs(page, "applicant-thiers");
  const refused = await page.request.get("/api/exports/applications?format=csv");
  expect(refused.status()).toBe(403);
  expect(refused.headers()["cache-control"]).toBe("private, no-store");
});

test("a text over Next's body limit is refused at the field, in French, and nothing saved is lost", async ({
  page,
}) => {
  await signInAs(page, "editor-resacoop");
  await page.goto(`/reseau/pages/${await resacoopDraftPostId()}`);
  const body = page.getByLabel("Texte (Markdown)");
  const saved = await body.inputValue();
  await body.fill("Un atelier de coutellerie. ".repeat(45_000));
  await page.getByRole("button", { name: "Enregistrer", exact: true }).click();
  await expect(
    page.getByText(/Le contenu est trop volumineux pour être enregistré \(plus de 1\s*Mo\)/),
  ).toBeVisible();
  await expectNoAxeViolations(page);
  await page.reload();
  await expect(page.getByLabel("Texte (Markdown)")).toHaveValue(saved);
});
