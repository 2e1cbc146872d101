import { describe, expect, it } from "vitest";
import { applicationStatus } from "@/db/schema/enums";
import { AUDIT_EVENTS } from "@/lib/audit-events";
import type { ReviewAssignment } from "@/lib/authz/policy";
import * as policy from "@/lib/authz/policy";
import type { Principal, Viewer } from "@/lib/authz/principal";
import {
  APPLICATION_STATUSES,
  type ApplicationStatus,
  allows,
  TRANSITIONS,
  type TransitionName,
} from "./lifecycle";
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

/**
 * The matrix: every transition × every persona × every status, asking the
 * predicate the table names (TRANSITIONS[name].policy, called by that name).
 * Each transition needs its case below (the `satisfies` makes a missing one a
 * compile error, and the first test a failure): the predicate's arguments for
 * a persona, who may do it, and the statuses where the action runs without the
 * transition (closing a thread while in review changes no status). Then, for
 * each status, the predicate must answer « the persona may » exactly where the
 * table (or the declared `beyond`) lets it start.
 */
type PersonaName =
  | "anonymous"
  | "memberOfLead"
  | "pendingMemberOfLead"
  | "otherApplicant"
  | "assignedReviewer"
  | "conflictedReviewer"
  | "unassignedReviewer"
  | "networkEditor"
  | "admin";

const nobody: Principal = {
  id: "",
  email: "",
  name: null,
  isAdmin: false,
  isReviewer: false,
  networks: [],
  memberships: [],
};
/** The application belongs to organisation 1. */
const LEAD = 1;
const PERSONAS: Record<PersonaName, { user: Viewer; assignment: ReviewAssignment }> = {
  anonymous: { user: null, assignment: null },
  memberOfLead: {
    user: { ...nobody, id: "m", memberships: [{ organisationId: LEAD, role: "member", status: "active" }] },
    assignment: null,
  },
  pendingMemberOfLead: {
    user: { ...nobody, id: "p", memberships: [{ organisationId: LEAD, role: "member", status: "pending" }] },
    assignment: null,
  },
  otherApplicant: {
    user: { ...nobody, id: "o", memberships: [{ organisationId: 2, role: "manager", status: "active" }] },
    assignment: null,
  },
  assignedReviewer: {
    user: { ...nobody, id: "r", isReviewer: true },
    assignment: { conflict: false, ownReviewSubmitted: false },
  },
  conflictedReviewer: {
    user: { ...nobody, id: "c", isReviewer: true },
    assignment: { conflict: true, ownReviewSubmitted: false },
  },
  unassignedReviewer: { user: { ...nobody, id: "u", isReviewer: true }, assignment: null },
  networkEditor: {
    user: { ...nobody, id: "e", networks: [{ networkId: "n", slug: "resacoop", regionCode: "84" }] },
    assignment: null,
  },
  admin: { user: { ...nobody, id: "a", isAdmin: true }, assignment: null },
};
const personaNames = Object.keys(PERSONAS) as PersonaName[];

type Context = { user: Viewer; assignment: ReviewAssignment; status: ApplicationStatus };
type MatrixCase = {
  /** The predicate's name, as the table's (a check that the case was written for it). */
  predicate: string;
  /** Its arguments, in the most favourable context (own application, open thread, results not published). */
  args: (c: Context) => unknown[];
  /** Who may, where the transition may start. */
  may: Record<PersonaName, boolean>;
  /** Statuses where the predicate also says yes (the action runs there without changing the status), with why. */
  beyond?: { statuses: readonly ApplicationStatus[]; why: string };
};

const own = (c: Context) => ({ leadOrganisationId: LEAD, status: c.status });
const openThread = { closed: false };
const only = (...who: PersonaName[]) =>
  Object.fromEntries(personaNames.map((p) => [p, who.includes(p)])) as Record<PersonaName, boolean>;
const otherStatuses = (...but: ApplicationStatus[]) => APPLICATION_STATUSES.filter((s) => !but.includes(s));

const MATRIX = {
  submit: {
    predicate: "canEditApplication",
    args: (c) => [c.user, own(c)],
    may: only("memberOfLead"),
  },
  startReview: {
    predicate: "canAssignReviewers",
    args: (c) => [c.user],
    may: only("admin"),
    beyond: {
      statuses: otherStatuses("submitted"),
      why: "assigning a reviewer is allowed whatever the status; only a submitted application moves",
    },
  },
  requestInformation: {
    predicate: "canRequestInformation",
    args: (c) => [c.user, c.assignment, c.status],
    may: only("assignedReviewer", "admin"),
  },
  answerInformation: {
    predicate: "canAnswerInformationRequest",
    args: (c) => [c.user, own(c), openThread],
    may: only("memberOfLead"),
    beyond: {
      statuses: ["submitted", "in_review"],
      why: "the applicant may answer again in an open thread (the forgotten document); the status stays",
    },
  },
  closeInformationRequest: {
    predicate: "canCloseInformationRequest",
    args: (c) => [c.user, c.assignment, c.status, openThread],
    may: only("assignedReviewer", "admin"),
    beyond: {
      statuses: ["submitted", "in_review"],
      why: "an answered thread may still be closed; the status stays",
    },
  },
  decide: {
    predicate: "canDecide",
    args: (c) => [c.user, c.status],
    may: only("admin"),
  },
  reviseDecision: {
    predicate: "canReviseDecision",
    args: (c) => [c.user, c.status, false],
    may: only("admin"),
  },
  withdraw: {
    predicate: "canWithdrawApplication",
    args: (c) => [c.user, own(c)],
    may: only("memberOfLead"),
  },
} satisfies Record<TransitionName, MatrixCase>;

describe("the transitions × personas matrix", () => {
  it("has a case for every transition of the table, and none for a transition that is not", () => {
    expect(Object.keys(MATRIX).sort()).toEqual([...names].sort());
  });

  it.each(names)("%s: the case names the table's predicate and declares every persona", (name) => {
    const c: MatrixCase | undefined = (MATRIX as Record<string, MatrixCase>)[name];
    expect(c, `no case for ${name} in MATRIX`).toBeDefined();
    expect(c?.predicate).toBe(TRANSITIONS[name].policy);
    expect(Object.keys(c?.may ?? {}).sort()).toEqual([...personaNames].sort());
    // A transition somebody may do (a case where nobody may would test nothing).
    expect(Object.values(c?.may ?? {})).toContain(true);
    for (const s of c?.beyond?.statuses ?? []) expect(allows(name, s), `${name} beyond ${s}`).toBe(false);
  });

  const rows = names.flatMap((name) =>
    personaNames.flatMap((persona) => APPLICATION_STATUSES.map((status) => ({ name, persona, status }))),
  );
  it.each(rows)("$name, $persona, $status", ({ name, persona, status }) => {
    const c = (MATRIX as Record<string, MatrixCase | undefined>)[name];
    if (!c) throw new Error(`no case for ${name} in MATRIX`);
    // biome-ignore lint/performance/noDynamicNamespaceImportAccess: the predicate the table names, by its name
    const predicate = policy[TRANSITIONS[name].policy] as (...args: unknown[]) => boolean;
    const { user, assignment } = PERSONAS[persona];
    const where = allows(name, status) || Boolean(c.beyond?.statuses.includes(status));
    expect(predicate(...c.args({ user, assignment, status }))).toBe(where && c.may[persona]);
  });
});
