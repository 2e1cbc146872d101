import { allCountryCodes, countryName, sortByCountryName } from "@/lib/countries";

/** Countries a partner may come from (the call's list, or every country plus Kosovo), by French name. */
export function countryOptions(eligible: readonly string[] | null) {
  const codes = eligible?.length ? [...eligible] : allCountryCodes().filter((c) => c !== "FR");
  return sortByCountryName(codes).map((code) => ({ code, name: countryName(code) }));
}
