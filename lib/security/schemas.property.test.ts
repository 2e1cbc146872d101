/**
 * Hostile input against every exported zod schema of lib:
 * random and hostile values never make `safeParse` throw, and every refusal a
 * user can read is in French (no zod default such as "Invalid input").
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
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
import { closeThreadSchema, informationRequestSchema } from "@/lib/information-requests/schema";
import { inviteMemberSchema, membershipIdSchema, requestMembershipSchema } from "@/lib/memberships/schema";
import { organisationSearchSchema } from "@/lib/organisations/search";
import { laureateFiltersSchema, parseLaureateFilters } from "@/lib/public/laureate-filters";
import { listFiltersSchema, parseListFilters } from "@/lib/review/filters";
import { conflictSchema, reviewSchema } from "@/lib/review/schema";
import { grantRoleSchema, revokeRoleSchema } from "@/lib/roles/schema";
import type { z } from "@/lib/zod";
import { hostileString } from "./hostile";

const RUNS = 200;

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

/**
 * Schemas whose every refusal, even of a tampered request (wrong types, missing
 * fields), is in French: all of them since `lib/zod.ts` sets zod's French locale.
 */
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
  decisionSchema,
  conflictSchema,
  informationRequestSchema,
  closeThreadSchema,
  saveApplicationSchema,
  organisationSearchSchema,
  reviewDraftSchema: reviewSchema(grid, "draft"),
  reviewSubmitSchema: reviewSchema(grid, "submit"),
};

/** Schemas that never refuse (filters fall back to defaults). */
const LENIENT: Record<string, z.ZodType> = { laureateFiltersSchema, listFiltersSchema };

const ALL = { ...USER_FACING, ...LENIENT };

// 200 runs per property: a few seconds on a machine shared with other builds.
describe("every zod schema under hostile input", { timeout: 30_000 }, () => {
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

    if (name in USER_FACING) {
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
