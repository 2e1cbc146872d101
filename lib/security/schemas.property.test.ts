/**
 * Hostile input against every exported zod schema of lib (issue 10, item 1):
 * random and hostile values never make `safeParse` throw, and every refusal a
 * user can read is in French (no zod default such as "Invalid input").
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { z } from "zod";
import {
  answerSchema,
  applicationFormSchema,
  applicationIdSchema,
  createApplicationSchema,
  saveApplicationSchema,
  withdrawSchema,
} from "@/lib/applications/schema";
import { emailSignInSchema } from "@/lib/auth/schema";
import { callFormSchema, criterionSchema, documentSchema } from "@/lib/calls/schema";
import { decisionSchema } from "@/lib/decisions/schema";
import {
  createMilestoneSchema,
  createPostSchema,
  featureReportSchema,
  issueIdSchema,
  milestoneIdSchema,
  postIdSchema,
  publishPostSchema,
  submitReportSchema,
  updateMilestoneSchema,
  updatePostSchema,
} from "@/lib/followup/schema";
import { inviteMemberSchema, membershipIdSchema, requestMembershipSchema } from "@/lib/memberships/schema";
import { organisationSearchSchema } from "@/lib/organisations/search";
import { laureateFiltersSchema, parseLaureateFilters } from "@/lib/public/laureate-filters";
import { listFiltersSchema, parseListFilters } from "@/lib/review/filters";
import { conflictSchema, informationRequestSchema, reviewSchema } from "@/lib/review/schema";
import { grantRoleSchema, revokeRoleSchema } from "@/lib/roles/schema";

const RUNS = 200;

/** Strings an attacker or a clumsy paste would send. */
const NASTY = [
  "",
  "   ",
  "a".repeat(10_000),
  "é".repeat(10_000),
  "\u202eﺏﺎﺘﻜﻟا\u202c",
  "مجلس مدينة الرباط",
  "עיריית חיפה",
  "\u0000",
  "abc\u0000def",
  "\ud800",
  "👩‍👩‍👧‍👦🇫🇷",
  "𝕳𝖊𝖑𝖑𝖔",
  "<script>alert(1)</script>",
  "<img src=x onerror=alert(1)>",
  "javascript:alert(1)",
  "' OR 1=1 --",
  "../../etc/passwd",
  "-1",
  "-12 500,50",
  "0",
  "1e308",
  "NaN",
  "Infinity",
  "0x10",
  "12 500,50 €",
  "99999999999999999999999",
  "1,2,3",
  "__proto__",
  "constructor",
  "00000000-0000-0000-0000-000000000000",
  "3f2504e0-4f89-41d3-9a0c-0305e82c3301",
  "prenom.nom@mairie.fr",
  "accepted",
  "rejected",
  "on",
] as const;

const hostileString = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...NASTY) },
  fc.string(),
  fc.string({ unit: "grapheme" }),
  fc.string({ unit: "binary" }),
  fc.string({ minLength: 5_000, maxLength: 10_000 }),
);

const hostileScalar = fc.oneof(
  { weight: 4, arbitrary: hostileString },
  fc.integer(),
  fc.constantFrom(
    -1,
    0,
    -0,
    Number.MAX_SAFE_INTEGER + 2,
    1e308,
    Number.NaN,
    Number.POSITIVE_INFINITY,
    -1e308,
  ),
  fc.double(),
  fc.bigInt(),
  fc.boolean(),
  fc.constantFrom(null, undefined),
  fc.date({ noInvalidDate: false }),
);

/** Any value: scalars, arrays and objects of them, nested a little. */
const hostileValue = fc.oneof(
  { weight: 5, arbitrary: hostileScalar },
  fc.array(hostileScalar, { maxLength: 5 }),
  fc.dictionary(fc.string({ maxLength: 10 }), hostileScalar, { maxKeys: 5 }),
  fc.array(fc.dictionary(fc.string({ maxLength: 10 }), hostileScalar, { maxKeys: 5 }), { maxLength: 3 }),
);

// biome-ignore lint/suspicious/noExplicitAny: reading zod's internals to list a schema's fields.
function fieldsOf(schema: any): string[] {
  if (schema?.shape) return Object.keys(schema.shape);
  if (Array.isArray(schema?.options)) return [...new Set(schema.options.flatMap(fieldsOf))] as string[];
  return [];
}

/** An object with the schema's fields (each hostile or missing) and extra fields. */
function hostileForm(fields: string[]) {
  const known = fc.record(Object.fromEntries(fields.map((f) => [f, hostileValue])), { requiredKeys: [] });
  const extra = fc.dictionary(
    fc.oneof(
      fc.string({ maxLength: 20 }),
      fc.constantFrom("__proto__", "constructor", "id", "role", "isAdmin"),
    ),
    hostileValue,
    { maxKeys: 4 },
  );
  return fc.tuple(known, extra).map(([k, e]) => ({ ...e, ...k }));
}

/** zod's English defaults, and English in general. */
const ENGLISH = /\b(invalid|required|expected|received|too (small|big)|unrecognized|must|string|number)\b/i;

function expectFrench(result: z.ZodSafeParseResult<unknown>) {
  if (result.success) return;
  expect(result.error.issues.length).toBeGreaterThan(0);
  for (const issue of result.error.issues) {
    expect(issue.message.trim(), `path ${issue.path.join(".")}`).not.toBe("");
    expect(issue.message, `path ${issue.path.join(".")}`).not.toMatch(ENGLISH);
  }
}

const grid = [
  { id: "c1", label: "Pertinence", maxScore: 5 },
  { id: "c2", label: "Faisabilité", maxScore: 20 },
];

/** Schemas whose every refusal, even of a tampered request (wrong types, missing fields), is in French. */
const USER_FACING: Record<string, z.ZodType> = {
  createMilestoneSchema,
  issueIdSchema,
  milestoneIdSchema,
  postIdSchema,
  submitReportSchema,
  updateMilestoneSchema,
  membershipIdSchema,
  requestMembershipSchema,
  grantRoleSchema,
  revokeRoleSchema,
  applicationIdSchema,
};

/**
 * Schemas that answer a tampered request (a missing field, a wrong type) with
 * zod's English default: listed in docs/security.md; some are French for what a
 * browser form sends (every field present, as text), see BROWSER_FORM_FRENCH.
 */
const ENGLISH_ON_TAMPERING: Record<string, z.ZodType> = {
  emailSignInSchema,
  callFormSchema,
  criterionSchema,
  documentSchema,
  createPostSchema,
  featureReportSchema,
  publishPostSchema,
  updatePostSchema,
  inviteMemberSchema,
  applicationFormSchema,
  createApplicationSchema,
  withdrawSchema,
  answerSchema,
  decisionSchema,
  conflictSchema,
  informationRequestSchema,
  saveApplicationSchema,
  organisationSearchSchema,
  reviewDraftSchema: reviewSchema(grid, "draft"),
  reviewSubmitSchema: reviewSchema(grid, "submit"),
};

/** Schemas that never refuse (filters fall back to defaults). */
const LENIENT: Record<string, z.ZodType> = { laureateFiltersSchema, listFiltersSchema };

/** Of those, the ones whose refusals of a browser form (every field present, as text) are in French. */
const BROWSER_FORM_FRENCH = new Set([
  "emailSignInSchema",
  "createPostSchema",
  "featureReportSchema",
  "publishPostSchema",
  "updatePostSchema",
  "withdrawSchema",
  "answerSchema",
]);

const ALL = { ...USER_FACING, ...ENGLISH_ON_TAMPERING, ...LENIENT };

describe("every zod schema under hostile input", () => {
  for (const [name, schema] of Object.entries(ALL)) {
    const fields = fieldsOf(schema);

    it(`${name}: safeParse never throws, whatever the value`, () => {
      expect(fields.length, "fields found").toBeGreaterThan(0);
      fc.assert(
        fc.property(fc.oneof(hostileValue, hostileForm(fields)), (value) => {
          expect(() => schema.safeParse(value)).not.toThrow();
        }),
        { numRuns: RUNS },
      );
    });

    if (name in USER_FACING || BROWSER_FORM_FRENCH.has(name)) {
      it(`${name}: every refusal of a browser form (all fields, as text) is in French`, () => {
        const form = fc.record(Object.fromEntries(fields.map((f) => [f, hostileString])));
        fc.assert(
          fc.property(form, (value) => expectFrench(schema.safeParse(value))),
          { numRuns: RUNS },
        );
      });
    }

    if (name in USER_FACING) {
      it(`${name}: every refusal of a form is in French`, () => {
        fc.assert(
          fc.property(hostileForm(fields), (value) => expectFrench(schema.safeParse(value))),
          { numRuns: RUNS },
        );
      });
    }
  }
});

describe("search-param parsers of lists", () => {
  const params = fc.dictionary(
    fc.oneof(
      fc.string({ maxLength: 12 }),
      fc.constantFrom("annee", "appel", "region", "pays", "page", "statut", "tri", "q"),
    ),
    fc.oneof(hostileString, fc.array(hostileString, { maxLength: 3 }), fc.constant(undefined)),
    { maxKeys: 8 },
  );

  it("parseLaureateFilters never throws and keeps the page within bounds", () => {
    fc.assert(
      fc.property(params, (p) => {
        const filters = parseLaureateFilters(p);
        expect(filters.page).toBeGreaterThanOrEqual(1);
        expect(filters.page).toBeLessThanOrEqual(100_000);
      }),
      { numRuns: RUNS },
    );
  });

  it("parseListFilters never throws and keeps the page within bounds", () => {
    fc.assert(
      fc.property(params, (p) => {
        const filters = parseListFilters(p);
        expect(Number.isInteger(filters.page)).toBe(true);
        expect(filters.page).toBeGreaterThanOrEqual(1);
      }),
      { numRuns: RUNS },
    );
  });
});
