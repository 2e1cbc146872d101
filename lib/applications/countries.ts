import countries from "i18n-iso-countries";
import { countryName, sortByCountryName } from "@/lib/countries";

/** Countries a partner may come from (the call's list, or every country plus Kosovo), by French name. */
export function countryOptions(eligible: readonly string[] | null) {
  const codes = eligible?.length
    ? [...eligible]
    : [...Object.keys(countries.getAlpha2Codes()).filter((c) => c !== "FR"), "XK"];
  return sortByCountryName(codes).map((code) => ({ code, name: countryName(code) }));
}
