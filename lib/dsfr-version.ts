import dsfr from "@gouvfr/dsfr/package.json";

/** The version of the State's design system the service is built on (the accessibility statement names it). */
export const DSFR_VERSION: string = dsfr.version;
