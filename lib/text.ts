/**
 * Normalises a French name or query for matching: lower case, no accents, and
 * hyphens, apostrophes and punctuation read as spaces ("Chambéry" and
 * "chambery", "Saint-Étienne" and "saint etienne" match).
 */
export function normalizeSearch(value: string) {
  return value
    .normalize("NFD")
    .replace(/\p{M}+/gu, "")
    .toLowerCase()
    .replace(/œ/g, "oe")
    .replace(/æ/g, "ae")
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim();
}
