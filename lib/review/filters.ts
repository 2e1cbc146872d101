import { formatCount } from "@/lib/format";
import { z } from "@/lib/zod";

/** Dashboard list state, read from the URL so that a view can be shared. */
export const SORTS = {
  submitted_desc: "Dépôt le plus récent",
  submitted_asc: "Dépôt le plus ancien",
  score_desc: "Note la plus haute",
  score_asc: "Note la plus basse",
  amount_desc: "Montant demandé décroissant",
  amount_asc: "Montant demandé croissant",
} as const;
export type Sort = keyof typeof SORTS;

export const LIST_STATUSES = [
  "submitted",
  "in_review",
  "information_requested",
  "accepted",
  "rejected",
  "withdrawn",
] as const;

/** The page sizes offered; any other value in the URL falls back to the first. */
export const PAGE_SIZES = [25, 50, 100] as const;
export type PageSize = (typeof PAGE_SIZES)[number];
export const PAGE_SIZE: PageSize = PAGE_SIZES[0];

const optionalText = z
  .string()
  .trim()
  .max(200)
  .optional()
  .transform((v) => (v ? v : undefined))
  .catch(undefined);
const optionalScore = z
  .string()
  .trim()
  .optional()
  .transform((v) => (v ? Number(v.replace(",", ".")) : undefined))
  .pipe(z.number().min(0).max(100).optional());

export const listFiltersSchema = z.object({
  q: optionalText,
  call: z.uuid().optional().catch(undefined),
  status: z.enum(LIST_STATUSES).optional().catch(undefined),
  region: z
    .string()
    .regex(/^\d{2}$/)
    .optional()
    .catch(undefined),
  departement: z
    .string()
    .regex(/^(\d{2,3}|2A|2B)$/)
    .optional()
    .catch(undefined),
  country: z
    .string()
    .regex(/^[A-Z]{2}$/)
    .optional()
    .catch(undefined),
  theme: optionalText,
  mine: z.enum(["1"]).optional().catch(undefined),
  disagreement: z.enum(["1"]).optional().catch(undefined),
  scoreMin: optionalScore.catch(undefined),
  scoreMax: optionalScore.catch(undefined),
  sort: z
    .enum(Object.keys(SORTS) as [Sort, ...Sort[]])
    .catch("submitted_desc")
    .default("submitted_desc"),
  page: z.coerce.number().int().min(1).max(100_000).catch(1).default(1),
  perPage: z.coerce
    .number()
    .refine((n): n is PageSize => (PAGE_SIZES as readonly number[]).includes(n))
    .transform((n) => n as PageSize)
    .catch(PAGE_SIZE)
    .default(PAGE_SIZE),
});
export type ListFilters = z.infer<typeof listFiltersSchema>;

/** Parses Next's searchParams (first value of each key). */
export function parseListFilters(params: Record<string, string | string[] | undefined>): ListFilters {
  const flat = Object.fromEntries(Object.entries(params).map(([k, v]) => [k, Array.isArray(v) ? v[0] : v]));
  return listFiltersSchema.parse(flat);
}

/** The query string of a list state (defaults left out), with overrides. */
export function listQuery(
  filters: ListFilters,
  overrides: Partial<Record<keyof ListFilters, string | number | undefined>> = {},
) {
  const params = new URLSearchParams();
  const merged: Record<string, unknown> = { ...filters, ...overrides };
  for (const [key, value] of Object.entries(merged)) {
    if (value === undefined || value === null || value === "") continue;
    if (key === "sort" && value === "submitted_desc") continue;
    if (key === "page" && Number(value) === 1) continue;
    if (key === "perPage" && Number(value) === PAGE_SIZE) continue;
    params.set(key, String(value));
  }
  const query = params.toString();
  return query ? `?${query}` : "";
}

/** The keys that narrow the list (sort, page and page size only arrange it). */
const FILTER_KEYS = [
  "q",
  "call",
  "status",
  "region",
  "departement",
  "country",
  "theme",
  "mine",
  "disagreement",
  "scoreMin",
  "scoreMax",
] as const satisfies readonly (keyof ListFilters)[];

/** How many filters narrow the list. */
export function activeFilterCount(filters: ListFilters): number {
  return FILTER_KEYS.filter((key) => filters[key] !== undefined).length;
}

/** « Aucun filtre actif », « 1 filtre actif », « 3 filtres actifs ». */
export function activeFiltersLabel(count: number): string {
  if (count === 0) return "Aucun filtre actif";
  return `${formatCount(count)} ${count > 1 ? "filtres actifs" : "filtre actif"}`;
}

/**
 * The heading of the list: « 12 dossiers » when one page holds them all, else
 * the rows shown, « 1 à 50 sur 231 dossiers » (the rows actually listed, so
 * never a first above the last; a page past the end says so).
 */
export function resultCountLabel(total: number, page: number, perPage: number, shown: number): string {
  if (total === 0) return "Aucun dossier ne correspond";
  const noun = total > 1 ? "dossiers" : "dossier";
  if (total <= perPage && page === 1) return `${formatCount(total)} ${noun}`;
  if (shown === 0) return `${formatCount(total)} ${noun} — aucun sur cette page`;
  const first = (page - 1) * perPage + 1;
  return `${formatCount(first)} à ${formatCount(first + shown - 1)} sur ${formatCount(total)} ${noun}`;
}
