import { createRequire } from "node:module";
import { sql } from "drizzle-orm";
import { normalizeSearch } from "../../lib/text";
import type { Database } from "../client";
import { appMeta, organisations } from "../schema";

const require = createRequire(import.meta.url);

type Commune = {
  code: string;
  nom: string;
  type: string;
  departement?: string;
  region?: string;
  siren?: string;
  codesPostaux?: string[];
  population?: number;
};
type Epci = {
  code: string;
  nom: string;
  type: string;
  populationTotale?: number;
  membres: { code: string }[];
};
type Departement = { code: string; nom: string; region: string };
type Region = { code: string; nom: string };

const PACKAGE = "@etalab/decoupage-administratif";

export type OrganisationRow = typeof organisations.$inferInsert;

/** Official French local authorities, read from the package's data files. */
export function officialOrganisations(): OrganisationRow[] {
  const communes = require(`${PACKAGE}/data/communes.json`) as Commune[];
  const epcis = require(`${PACKAGE}/data/epci.json`) as Epci[];
  const departements = require(`${PACKAGE}/data/departements.json`) as Departement[];
  const regions = require(`${PACKAGE}/data/regions.json`) as Region[];

  const current = communes.filter((c) => c.type === "commune-actuelle");
  const communeByCode = new Map(current.map((c) => [c.code, c]));
  const rows: OrganisationRow[] = [];
  for (const r of regions) {
    rows.push({
      kind: "region",
      name: r.nom,
      inseeCode: r.code,
      regionCode: r.code,
      isLocalAuthority: true,
      searchName: normalizeSearch(r.nom),
    });
  }
  for (const d of departements) {
    rows.push({
      kind: "departement",
      name: d.nom,
      inseeCode: d.code,
      departementCode: d.code,
      regionCode: d.region,
      isLocalAuthority: true,
      searchName: normalizeSearch(d.nom),
    });
  }
  for (const c of current) {
    rows.push({
      kind: "commune",
      name: c.nom,
      inseeCode: c.code,
      siren: c.siren ?? null,
      departementCode: c.departement ?? null,
      regionCode: c.region ?? null,
      postcodes: c.codesPostaux ?? [],
      population: c.population ?? null,
      isLocalAuthority: true,
      searchName: normalizeSearch(c.nom),
    });
  }
  for (const e of epcis) {
    // An EPCI's département and région are those of its most populated member commune.
    const members = e.membres
      .map((m) => communeByCode.get(m.code))
      .filter((c): c is Commune => Boolean(c))
      .sort((a, b) => (b.population ?? 0) - (a.population ?? 0));
    const seat = members[0];
    rows.push({
      kind: "epci",
      name: e.nom,
      siren: e.code,
      epciType: e.type,
      departementCode: seat?.departement ?? null,
      regionCode: seat?.region ?? null,
      population: e.populationTotale ?? null,
      isLocalAuthority: true,
      searchName: normalizeSearch(e.nom),
    });
  }
  return rows;
}

function packageVersion() {
  return (require(`${PACKAGE}/package.json`) as { version: string }).version;
}

/**
 * Loads the official list once per package version (idempotent: rows are
 * upserted on their official code, so ids referenced elsewhere never change).
 * Returns the number of official organisations in the database.
 */
export async function seedReferential(db: Database) {
  const version = packageVersion();
  const [meta] = await db.select().from(appMeta).where(sql`${appMeta.key} = 'referential_version'`);
  if (meta?.value !== version) {
    const rows = officialOrganisations();
    await db.transaction(async (tx) => {
      for (let i = 0; i < rows.length; i += 2000) {
        const batch = rows.slice(i, i + 2000);
        const withCode = batch.filter((row) => row.kind !== "epci");
        const epci = batch.filter((row) => row.kind === "epci");
        if (withCode.length) {
          await tx
            .insert(organisations)
            .values(withCode)
            .onConflictDoUpdate({
              target: [organisations.kind, organisations.inseeCode],
              set: {
                name: sql`excluded.name`,
                siren: sql`excluded.siren`,
                departementCode: sql`excluded.departement_code`,
                regionCode: sql`excluded.region_code`,
                postcodes: sql`excluded.postcodes`,
                population: sql`excluded.population`,
                searchName: sql`excluded.search_name`,
              },
            });
        }
        if (epci.length) {
          await tx
            .insert(organisations)
            .values(epci)
            .onConflictDoUpdate({
              target: organisations.siren,
              set: {
                name: sql`excluded.name`,
                epciType: sql`excluded.epci_type`,
                departementCode: sql`excluded.departement_code`,
                regionCode: sql`excluded.region_code`,
                population: sql`excluded.population`,
                searchName: sql`excluded.search_name`,
              },
            });
        }
      }
      await tx
        .insert(appMeta)
        .values({ key: "referential_version", value: version })
        .onConflictDoUpdate({ target: appMeta.key, set: { value: version, updatedAt: new Date() } });
    });
  }
  const [{ count }] = (await db.execute<{ count: number }>(
    sql`select count(*)::int as count from organisations where kind <> 'other'`,
  )) as unknown as [{ count: number }];
  return count;
}
