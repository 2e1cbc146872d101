import countries from "i18n-iso-countries";
import fr from "i18n-iso-countries/langs/fr.json";

// The package needs each locale registered once; importing the JSON keeps it in the bundle.
countries.registerLocale(fr);

/**
 * Names the package lacks or that the French administration spells otherwise
 * (the package capitalises adjectives and hyphenates « Côte-d'Ivoire »).
 */
const OVERRIDES: Record<string, string> = {
  // Kosovo has no ISO 3166-1 code; XK is the code in common use (European Commission, ISO user-assigned).
  XK: "Kosovo",
  US: "États-Unis",
  CI: "Côte d'Ivoire",
  CZ: "République tchèque",
  CF: "République centrafricaine",
  DO: "République dominicaine",
  SZ: "Eswatini",
  VA: "Saint-Siège",
  BN: "Brunei",
};

/**
 * Every country code, each once: the package's (which may or may not hold XK,
 * depending on its version) and Kosovo's.
 */
export function allCountryCodes(): string[] {
  return [...new Set([...Object.keys(countries.getAlpha2Codes()), "XK"])];
}

/** French name of a country from its ISO 3166-1 alpha-2 code (XK for Kosovo); the code itself when unknown. */
export function countryName(code: string): string {
  const upper = code.toUpperCase();
  return OVERRIDES[upper] ?? countries.getName(upper, "fr") ?? upper;
}

/** Compares French names the way a French reader expects (« Égypte » next to « Équateur », not after « Zambie »). */
export const frenchCollator = new Intl.Collator("fr", { sensitivity: "base" });

/** Codes sorted by their French names. */
export function sortByCountryName(codes: readonly string[]): string[] {
  return [...codes].sort((a, b) => frenchCollator.compare(countryName(a), countryName(b)));
}
