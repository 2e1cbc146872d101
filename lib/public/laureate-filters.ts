import { z } from "zod";

/** Laureates shown per page of /laureats. */
export const LAUREATES_PAGE_SIZE = 20;

/** URL search parameter names of /laureats (French, because people share these URLs). */
export const FILTER_PARAMS = {
  year: "annee",
  call: "appel",
  region: "region",
  country: "pays",
  page: "page",
} as const;

/**
 * One schema per parameter, so that a bad value drops only that filter: a
 * shared URL with a typo still shows a page, never an error.
 */
const fields = {
  year: z.coerce.number().int().min(1990).max(2100),
  call: z.string().regex(/^[a-z0-9][a-z0-9-]{0,99}$/),
  /** INSEE région code: two digits (« 84 » for Auvergne-Rhône-Alpes), three for overseas collectivities. */
  region: z.string().regex(/^[0-9]{2,3}$/),
  /** ISO 3166-1 alpha-2, XK for Kosovo. */
  country: z
    .string()
    .regex(/^[A-Za-z]{2}$/)
    .transform((v) => v.toUpperCase()),
  page: z.coerce.number().int().min(1).max(100_000),
};

export const laureateFiltersSchema = z.object({
  year: fields.year.optional(),
  call: fields.call.optional(),
  region: fields.region.optional(),
  country: fields.country.optional(),
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
    country: pick(fields.country, FILTER_PARAMS.country),
    page: pick(fields.page, FILTER_PARAMS.page),
  });
}

/** The query string of a filtered list (page 1 is left out, so the URL stays short). */
export function laureateFiltersQuery(filters: Partial<LaureateFilters>): string {
  const search = new URLSearchParams();
  if (filters.year !== undefined) search.set(FILTER_PARAMS.year, String(filters.year));
  if (filters.call) search.set(FILTER_PARAMS.call, filters.call);
  if (filters.region) search.set(FILTER_PARAMS.region, filters.region);
  if (filters.country) search.set(FILTER_PARAMS.country, filters.country);
  if (filters.page && filters.page > 1) search.set(FILTER_PARAMS.page, String(filters.page));
  const query = search.toString();
  return query ? `?${query}` : "";
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
