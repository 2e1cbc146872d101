import { describe, expect, it } from "vitest";
import { applicationStatus } from "@/db/schema/enums";
import { AUDIT_EVENTS } from "@/lib/audit-events";
import * as policy from "@/lib/authz/policy";
import type { Principal } from "@/lib/authz/principal";
import { APPLICATION_STATUSES, allows, TRANSITIONS, type TransitionName } from "./lifecycle";
import { STATUS_LABELS } from "./rules";

const names = Object.keys(TRANSITIONS) as TransitionName[];

describe("the lifecycle table", () => {
  it("has the database's statuses, each with its French label", () => {
    expect([...APPLICATION_STATUSES]).toEqual(applicationStatus.enumValues);
    for (const s of APPLICATION_STATUSES) expect(STATUS_LABELS[s]).toMatch(/\p{L}/u);
  });

  it("reaches every status from a draft, and leaves none a dead end except the final ones", () => {
    const reached = new Set<string>(["draft"]);
    for (let changed = true; changed; ) {
      changed = false;
      for (const t of Object.values(TRANSITIONS)) {
        if (!t.from.some((s) => reached.has(s))) continue;
        for (const s of t.to) {
          if (reached.has(s)) continue;
          reached.add(s);
          changed = true;
        }
      }
    }
    expect([...reached].sort()).toEqual([...APPLICATION_STATUSES].sort());
    const starts = new Set(Object.values(TRANSITIONS).flatMap((t) => [...t.from]));
    expect(APPLICATION_STATUSES.filter((s) => !(starts as Set<string>).has(s))).toEqual(["withdrawn"]);
  });

  it.each(names)("%s writes an event of the catalogue and names a predicate of the policy", (name) => {
    const t = TRANSITIONS[name];
    expect(AUDIT_EVENTS[t.audit].label).toMatch(/\p{L}/u);
    // biome-ignore lint/performance/noDynamicNamespaceImportAccess: a test, looking predicates up by name
    expect(typeof policy[t.policy]).toBe("function");
  });

  it("only a draft is editable, and withdrawal stops at the decision", () => {
    expect(APPLICATION_STATUSES.filter((s) => allows("submit", s))).toEqual(["draft"]);
    expect(APPLICATION_STATUSES.filter((s) => allows("withdraw", s))).toEqual([
      "draft",
      "submitted",
      "in_review",
      "information_requested",
    ]);
  });
});

/** An admin, and an active member of organisation 1. */
const nobody: Principal = {
  id: "",
  email: "",
  name: null,
  isAdmin: false,
  isReviewer: false,
  networks: [],
  memberships: [],
};
const admin: Principal = { ...nobody, id: "a", isAdmin: true };
const member: Principal = {
  ...nobody,
  id: "m",
  memberships: [{ organisationId: 1, role: "member", status: "active" }],
};

describe("the policy agrees with the table on statuses", () => {
  it.each(APPLICATION_STATUSES)("%s", (status) => {
    const own = { leadOrganisationId: 1, status };
    expect(policy.canEditApplication(member, own)).toBe(allows("submit", status));
    expect(policy.canWithdrawApplication(member, own)).toBe(allows("withdraw", status));
    expect(policy.canDecide(admin, status)).toBe(allows("decide", status));
    expect(policy.canReviseDecision(admin, status, false)).toBe(allows("reviseDecision", status));
    expect(policy.canRequestInformation(admin, null, status)).toBe(allows("requestInformation", status));
  });
});
