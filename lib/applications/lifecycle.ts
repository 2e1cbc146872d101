/**
 * The application's lifecycle, declared once (docs/development.md, « Lifecycle »):
 *
 *   draft → submitted → in_review ⇄ information_requested → accepted | rejected
 *   draft | submitted | in_review | information_requested → withdrawn
 *
 * Each transition says from which statuses it may start, where it leads, the
 * audit event it writes and the e-mails it sends. The policy
 * (`lib/authz/policy.ts`) asks `allows()` for the status part of its rules,
 * `applyTransition()` (lib/applications/transition.ts) puts the same « from »
 * list in the guarded UPDATE's WHERE, and the tests check that every
 * transition's event has its label and run the transitions × personas matrix
 * (lifecycle.test.ts), which needs a case for each entry. Adding a state or a
 * transition starts here (docs/development.md has a worked example).
 *
 * Plain data: imported by client components (labels) as well as the server.
 */
import type { AuditAction } from "@/lib/audit-events";

export const APPLICATION_STATUSES = [
  "draft",
  "submitted",
  "in_review",
  "information_requested",
  "accepted",
  "rejected",
  "withdrawn",
] as const;

export type ApplicationStatus = (typeof APPLICATION_STATUSES)[number];

type Transition = {
  /** Statuses the transition may start from. */
  from: readonly ApplicationStatus[];
  /** Statuses it may lead to (a decision chooses one). */
  to: readonly ApplicationStatus[];
  /** Who does it, for readers (the rule itself is the policy predicate named). */
  by: string;
  /** The policy predicate that authorizes it. */
  policy: keyof typeof import("@/lib/authz/policy");
  /** The audit event written when the status changes. */
  audit: AuditAction;
  /** Templates of `lib/mail/templates.ts` it sends, for readers. */
  emails: readonly string[];
};

export const TRANSITIONS = {
  submit: {
    from: ["draft"],
    to: ["submitted"],
    by: "an active member of the lead organisation, before the deadline",
    policy: "canEditApplication",
    audit: "application.submitted",
    emails: ["receipt"],
  },
  startReview: {
    from: ["submitted"],
    to: ["in_review"],
    by: "an admin assigning a reviewer, or the reviewer's first scoring",
    policy: "canAssignReviewers",
    audit: "application.review_started",
    emails: [],
  },
  requestInformation: {
    from: ["submitted", "in_review"],
    to: ["information_requested"],
    by: "an assigned reviewer without a conflict",
    policy: "canRequestInformation",
    audit: "application.information_requested",
    emails: ["information-request"],
  },
  answerInformation: {
    from: ["information_requested"],
    to: ["in_review"],
    by: "an active member of the lead organisation",
    policy: "canAnswerInformationRequest",
    audit: "application.information_provided",
    emails: ["information-answered"],
  },
  closeInformationRequest: {
    from: ["information_requested"],
    to: ["in_review"],
    by: "an assigned reviewer, without waiting for the answer",
    policy: "canCloseInformationRequest",
    audit: "application.information_request_closed",
    emails: [],
  },
  decide: {
    from: ["submitted", "in_review"],
    to: ["accepted", "rejected"],
    by: "an admin, within the call's envelope",
    policy: "canDecide",
    audit: "decision.recorded",
    emails: [],
  },
  reviseDecision: {
    from: ["accepted", "rejected"],
    to: ["accepted", "rejected"],
    by: "an admin, with a reason, while the results are not published",
    policy: "canReviseDecision",
    audit: "decision.revised",
    emails: [],
  },
  withdraw: {
    from: ["draft", "submitted", "in_review", "information_requested"],
    to: ["withdrawn"],
    by: "an active member of the lead organisation, before the decision",
    policy: "canWithdrawApplication",
    audit: "application.withdrawn",
    emails: [],
  },
} as const satisfies Record<string, Transition>;

export type TransitionName = keyof typeof TRANSITIONS;

/** Whether the transition may start from this status. */
export function allows(name: TransitionName, status: string): boolean {
  return (TRANSITIONS[name].from as readonly string[]).includes(status);
}

/** Statuses in which reviewers work: score, declare a conflict, exchange with the applicant. */
export const REVIEWABLE_STATUSES = [
  "submitted",
  "in_review",
  "information_requested",
] as const satisfies readonly ApplicationStatus[];

/** Submitted once and not withdrawn: what counts for the review and the results. */
export const ACTIVE_STATUSES = [
  ...REVIEWABLE_STATUSES,
  "accepted",
  "rejected",
] as const satisfies readonly ApplicationStatus[];

export function isReviewable(status: string): boolean {
  return (REVIEWABLE_STATUSES as readonly string[]).includes(status);
}
