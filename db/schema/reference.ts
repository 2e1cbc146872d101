import { sql } from "drizzle-orm";
import {
  boolean,
  check,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  unique,
  uuid,
} from "drizzle-orm/pg-core";
import { foreignPartnerKind, operatorKind, organisationKind } from "./enums";

/**
 * French organisations. Communes, EPCI, départements and régions are imported
 * from the official list (@etalab/decoupage-administratif); other bodies (a GIP
 * network such as RESACOOP) are created by admins or the seed.
 */
export const organisations = pgTable(
  "organisations",
  {
    id: integer("id").primaryKey().generatedAlwaysAsIdentity(),
    kind: organisationKind("kind").notNull(),
    name: text("name").notNull(),
    /** INSEE code for communes, départements and régions; null for EPCI and other bodies. */
    inseeCode: text("insee_code"),
    /** SIREN (9 digits) where known: communes and EPCI from the official list. */
    siren: text("siren"),
    /** For EPCI: CC, CA, CU, METRO, MET69… */
    epciType: text("epci_type"),
    departementCode: text("departement_code"),
    regionCode: text("region_code"),
    postcodes: text("postcodes").array().notNull().default(sql`'{}'::text[]`),
    population: integer("population"),
    /** True for the four levels of French local authorities (not for a GIP or an association). */
    isLocalAuthority: boolean("is_local_authority").notNull(),
    /** Lower-cased, unaccented, hyphen-free name used by the autocomplete. */
    searchName: text("search_name").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    unique("organisations_kind_insee_code_key").on(t.kind, t.inseeCode),
    unique("organisations_siren_key").on(t.siren),
    index("organisations_region_code_idx").on(t.regionCode),
    index("organisations_departement_code_idx").on(t.departementCode),
    index("organisations_search_name_idx").using("gin", sql`${t.searchName} gin_trgm_ops`),
    index("organisations_insee_code_idx").on(t.inseeCode),
    index("organisations_postcodes_idx").using("gin", t.postcodes),
    check("organisations_siren_format", sql`${t.siren} is null or ${t.siren} ~ '^[0-9]{9}$'`),
  ],
);

/** Local or regional authorities abroad; reused across applications so partnerships have a history. */
export const foreignPartners = pgTable(
  "foreign_partners",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    name: text("name").notNull(),
    kind: foreignPartnerKind("kind").notNull(),
    /** ISO 3166-1 alpha-2, plus XK for Kosovo. */
    countryCode: text("country_code").notNull(),
    isFictitious: boolean("is_fictitious").notNull().default(false),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    unique("foreign_partners_name_country_key").on(t.name, t.countryCode),
    index("foreign_partners_country_code_idx").on(t.countryCode),
    check("foreign_partners_country_format", sql`${t.countryCode} ~ '^[A-Z]{2}$'`),
  ],
);

/** NGOs and associations that carry out part of a project. */
export const operators = pgTable(
  "operators",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    name: text("name").notNull(),
    kind: operatorKind("kind").notNull(),
    /** RNA number (W + 9 digits) when known. */
    rna: text("rna"),
    isFictitious: boolean("is_fictitious").notNull().default(false),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    unique("operators_name_key").on(t.name),
    check("operators_rna_format", sql`${t.rna} is null or ${t.rna} ~ '^W[0-9]{9}$'`),
  ],
);

/** Regional networks such as RESACOOP, attached to one région (INSEE code). */
export const regionalNetworks = pgTable(
  "regional_networks",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    slug: text("slug").notNull().unique(),
    name: text("name").notNull(),
    regionCode: text("region_code").notNull(),
    description: text("description").notNull().default(""),
    /** The network as an organisation, when it leads projects itself (RESACOOP does). */
    organisationId: integer("organisation_id").references(() => organisations.id),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("regional_networks_region_code_idx").on(t.regionCode)],
);

/** Small key/value store for facts about the database itself (demo data loaded, referential version). */
export const appMeta = pgTable("app_meta", {
  key: text("key").primaryKey(),
  value: jsonb("value").notNull(),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
});
