import { z } from "@/lib/zod";

/** Laureates shown per page of /laureats. */
export const LAUREATES_PAGE_SIZE = 20;

/** URL search parameter names of /laureats (French, because people share these URLs). */
export const FILTER_PARAMS = {
  year: "annee",
  call: "appel",
  region: "region",
  departement: "departement",
  country: "pays",
  theme: "theme",
  query: "q",
  page: "page",
} as const;

/** Longest search text kept (a longer one is cut, not refused: the page still answers). */
export const SEARCH_MAX_LENGTH = 200;

/**
 * One schema per parameter, so that a bad value drops only that filter: a
 * shared URL with a typo still shows a page, never an error.
 */
const fields = {
  year: z.coerce.number().int().min(1990).max(2100),
  call: z.string().regex(/^[a-z0-9][a-z0-9-]{0,99}$/),
  /** INSEE région code: two digits (« 84 » for Auvergne-Rhône-Alpes), three for overseas collectivities. */
  region: z.string().regex(/^[0-9]{2,3}$/),
  /** INSEE département code: « 63 », « 2A » / « 2B » for Corsica, « 971 »–« 978 » and « 984 »–« 989 » overseas (the official list’s codes). */
  departement: z
    .string()
    .regex(/^(?:0[1-9]|1[0-9]|2[1-9ABab]|[3-8][0-9]|9[0-5]|97[1-8]|98[4-9])$/)
    .transform((v) => v.toUpperCase()),
  /** ISO 3166-1 alpha-2, XK for Kosovo. */
  country: z
    .string()
    .regex(/^[A-Za-z]{2}$/)
    .transform((v) => v.toUpperCase()),
  /** A theme as applicants chose it from their call's list (« Sécurité alimentaire »). */
  theme: z
    .string()
    .max(100)
    .regex(/^[^\p{Cc}\p{Cs}]+$/u),
  /** Free text, whitespace collapsed; control characters dropped. */
  query: z
    .string()
    .transform((v) =>
      Array.from(
        v
          .replace(/[\p{Cc}\p{Cs}]/gu, " ")
          .replace(/\s+/g, " ")
          .trim(),
      )
        .slice(0, SEARCH_MAX_LENGTH)
        .join("")
        .trim(),
    )
    .pipe(z.string().min(1)),
  page: z.coerce.number().int().min(1).max(100_000),
};

export const laureateFiltersSchema = z.object({
  year: fields.year.optional(),
  call: fields.call.optional(),
  region: fields.region.optional(),
  departement: fields.departement.optional(),
  country: fields.country.optional(),
  theme: fields.theme.optional(),
  query: fields.query.optional(),
  page: fields.page.default(1),
});

export type LaureateFilters = z.infer<typeof laureateFiltersSchema>;

type SearchParams = Record<string, string | string[] | undefined>;

function first(value: string | string[] | undefined): string | undefined {
  const v = Array.isArray(value) ? value[0] : value;
  const trimmed = v?.trim();
  return trimmed ? trimmed : undefined;
}

/** Reads the filters from a page's search params; invalid or empty values are ignored. */
export function parseLaureateFilters(params: SearchParams): LaureateFilters {
  const pick = <T>(schema: z.ZodType<T>, name: string): T | undefined => {
    const raw = first(params[name]);
    if (raw === undefined) return undefined;
    const parsed = schema.safeParse(raw);
    return parsed.success ? parsed.data : undefined;
  };
  return laureateFiltersSchema.parse({
    year: pick(fields.year, FILTER_PARAMS.year),
    call: pick(fields.call, FILTER_PARAMS.call),
    region: pick(fields.region, FILTER_PARAMS.region),
    departement: pick(fields.departement, FILTER_PARAMS.departement),
    country: pick(fields.country, FILTER_PARAMS.country),
    theme: pick(fields.theme, FILTER_PARAMS.theme),
    query: pick(fields.query, FILTER_PARAMS.query),
    page: pick(fields.page, FILTER_PARAMS.page),
  });
}

/** The query string of a filtered list (page 1 is left out, so the URL stays short). */
export function laureateFiltersQuery(filters: Partial<LaureateFilters>): string {
  const search = new URLSearchParams();
  if (filters.year !== undefined) search.set(FILTER_PARAMS.year, String(filters.year));
  if (filters.call) search.set(FILTER_PARAMS.call, filters.call);
  if (filters.region) search.set(FILTER_PARAMS.region, filters.region);
  if (filters.departement) search.set(FILTER_PARAMS.departement, filters.departement);
  if (filters.country) search.set(FILTER_PARAMS.country, filters.country);
  if (filters.theme) search.set(FILTER_PARAMS.theme, filters.theme);
  if (filters.query) search.set(FILTER_PARAMS.query, filters.query);
  if (filters.page && filters.page > 1) search.set(FILTER_PARAMS.page, String(filters.page));
  const query = search.toString();
  return query ? `?${query}` : "";
}

/** The values the filters' lists offer: those some published laureate uses (lib/public/laureates.ts). */
export type OfferedValues = {
  years: readonly number[];
  calls: readonly { slug: string }[];
  regions: readonly { code: string }[];
  departements: readonly { code: string }[];
  countries: readonly string[];
  themes: readonly string[];
};

/**
 * The filters a cached list is rendered for, or where to send the visitor
 * instead: every value among those offered (used by a published laureate) and
 * the page within the list. Each value a visitor invents (`theme` is free
 * text, a year, a call's slug) or each page past the last would otherwise be
 * one more entry in the route cache; it is dropped, as a malformed value is,
 * and the visitor redirected to the list without it (or to its last page).
 */
export function withinOffered(
  filters: LaureateFilters,
  offered: OfferedValues,
  total: number,
): { ok: true } | { ok: false; query: string } {
  const kept: LaureateFilters = {
    ...filters,
    year: filters.year !== undefined && offered.years.includes(filters.year) ? filters.year : undefined,
    call: offered.calls.some((c) => c.slug === filters.call) ? filters.call : undefined,
    region: offered.regions.some((r) => r.code === filters.region) ? filters.region : undefined,
    departement: offered.departements.some((d) => d.code === filters.departement)
      ? filters.departement
      : undefined,
    country: filters.country && offered.countries.includes(filters.country) ? filters.country : undefined,
    theme: filters.theme && offered.themes.includes(filters.theme) ? filters.theme : undefined,
  };
  const dropped = (["year", "call", "region", "departement", "country", "theme"] as const).some(
    (name) => kept[name] !== filters[name],
  );
  // Without a value the count changes: start again from the first page.
  if (dropped) return { ok: false, query: laureateFiltersQuery({ ...kept, page: 1 }) };
  const last = pageCount(total);
  if (filters.page > last) return { ok: false, query: laureateFiltersQuery({ ...kept, page: last }) };
  return { ok: true };
}

/** Number of pages for a result count (at least one, so « page 1 sur 1 » reads well when empty). */
export function pageCount(total: number, pageSize = LAUREATES_PAGE_SIZE): number {
  return Math.max(1, Math.ceil(total / pageSize));
}

/** Page numbers to link to around the current one, with null for an ellipsis: 1 … 4 5 6 … 12. */
export function paginationWindow(current: number, last: number): (number | null)[] {
  const pages = new Set<number>([1, last, current - 1, current, current + 1]);
  const sorted = [...pages].filter((p) => p >= 1 && p <= last).sort((a, b) => a - b);
  const out: (number | null)[] = [];
  for (const p of sorted) {
    const previous = out[out.length - 1];
    if (typeof previous === "number" && p - previous > 1) out.push(p - previous === 2 ? previous + 1 : null);
    out.push(p);
  }
  return out;
}

/** Lower case, no accents, words separated by single spaces: « Côte d’Ivoire » → « cote d ivoire ». */
export function foldForSearch(text: string): string {
  return text
    .normalize("NFD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim();
}

/**
 * Countries a search designates by name: the whole search is one country's
 * French name or a run of its words (« arménie », « guinee » for the four
 * Guinées, « Côte d’Ivoire »). Country names are not in the database (only
 * ISO codes), so the search matches them here and filters partners by code.
 * A search mixing a country with other words (« eau Sénégal ») searches the
 * text only.
 */
export function countryCodesNamed(
  query: string,
  names: Readonly<Record<string, string>>,
  minLength = 3,
): string[] {
  const folded = foldForSearch(query);
  if (folded.length < minLength) return [];
  const needle = ` ${folded} `;
  return Object.entries(names)
    .filter(([, name]) => ` ${foldForSearch(name)} `.includes(needle))
    .map(([code]) => code)
    .sort();
}
