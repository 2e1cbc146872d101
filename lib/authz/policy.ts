import { allows, isReviewable } from "@/lib/applications/lifecycle";
import { grantAllows, reportAllows } from "@/lib/grants/lifecycle";
import { seesReviewScores } from "@/lib/review/score-visibility";
import type { Principal, Viewer } from "./principal";

/**
 * The one place that says who may do what. Pages, route handlers and server
 * actions call these predicates with the loaded resource; layouts and the
 * proxy only redirect for comfort. Each predicate lists its rules and has a
 * unit test per rule (policy.test.ts).
 */

export type StaffRole = "admin" | "reviewer" | "network_editor";

/** Role → permissions that do not depend on a particular resource. */
export const ROLE_PERMISSIONS = {
  admin: [
    "admin.access",
    "roles.manage",
    "outbox.read",
    "outbox.manage",
    "audit.read",
    "review.access",
    "memberships.confirm_any",
    "calls.manage",
    "assignments.manage",
    "results.publish",
    "grants.manage",
  ],
  reviewer: ["review.access"],
  network_editor: ["network.access"],
} as const satisfies Record<StaffRole, readonly string[]>;

export type Permission = (typeof ROLE_PERMISSIONS)[StaffRole][number];

export function staffRoles(user: Principal): StaffRole[] {
  const roles: StaffRole[] = [];
  if (user.isAdmin) roles.push("admin");
  if (user.isReviewer) roles.push("reviewer");
  if (user.networks.length > 0) roles.push("network_editor");
  return roles;
}

/** Whether one of the user's staff roles grants the permission. */
export function hasPermission(user: Viewer, permission: Permission) {
  if (!user) return false;
  return staffRoles(user).some((role) => (ROLE_PERMISSIONS[role] as readonly string[]).includes(permission));
}

/** Active membership of the organisation (pending memberships grant nothing). */
export function isActiveMember(user: Viewer, organisationId: number) {
  return Boolean(user?.memberships.some((m) => m.organisationId === organisationId && m.status === "active"));
}

/**
 * Applicant space: any signed-in user (a new user comes here to attach
 * themselves to their organisation).
 */
export function canAccessApplicantSpace(user: Viewer) {
  return user !== null;
}

/** Organisations on whose behalf the user may act as an applicant: active memberships only. */
export function applicantOrganisationIds(user: Viewer) {
  return (user?.memberships ?? []).filter((m) => m.status === "active").map((m) => m.organisationId);
}

/**
 * Managing an organisation's members (invite, remove, confirm a pending request):
 * - an active manager of that organisation;
 * - an admin.
 */
export function canManageOrganisation(user: Viewer, organisationId: number) {
  if (!user) return false;
  if (hasPermission(user, "memberships.confirm_any")) return true;
  return user.memberships.some(
    (m) => m.organisationId === organisationId && m.status === "active" && m.role === "manager",
  );
}

/**
 * Removing a member: whoever may manage the organisation, except that a
 * manager cannot remove themselves (an organisation must keep a manager; an admin can).
 */
export function canRemoveMember(user: Viewer, organisationId: number, memberUserId: string) {
  if (!user || !canManageOrganisation(user, organisationId)) return false;
  return user.isAdmin || memberUserId !== user.id;
}

/** What the applicant predicates need to know of an application. */
export type ApplicantApplication = { leadOrganisationId: number; status: string };

/** Starting an application for an organisation: an active member of it. */
export function canCreateApplication(user: Viewer, organisationId: number) {
  return isActiveMember(user, organisationId);
}

/**
 * Seeing an application in the applicant space (form, checklist, receipt,
 * messages, decision once published, its documents): an active member of its
 * lead organisation. Staff see applications through the review predicates.
 */
export function canViewOwnApplication(user: Viewer, application: ApplicantApplication) {
  return isActiveMember(user, application.leadOrganisationId);
}

/**
 * Editing an application (autosave, documents) and submitting it:
 * - an active member of its lead organisation;
 * - while it is a draft (after submission it is read-only for the applicant).
 */
export function canEditApplication(user: Viewer, application: ApplicantApplication) {
  // Editable exactly while it may still be submitted.
  return canViewOwnApplication(user, application) && allows("submit", application.status);
}

/**
 * Withdrawing an application: an active member of its lead organisation,
 * before a decision (draft, submitted, in review, information requested).
 */
export function canWithdrawApplication(user: Viewer, application: ApplicantApplication) {
  return canViewOwnApplication(user, application) && allows("withdraw", application.status);
}

/** An information request's thread, as the predicates need it. */
export type InformationThread = { closed: boolean } | null;

/**
 * Answering in an information request's thread (text and documents):
 * - an active member of the lead organisation;
 * - while the thread is open (a reviewer has not closed it) and the
 *   application is under review: the applicant may answer again, e.g. with
 *   the document they forgot, without waiting for a new request.
 */
export function canAnswerInformationRequest(
  user: Viewer,
  application: ApplicantApplication,
  thread: InformationThread,
) {
  return (
    canViewOwnApplication(user, application) &&
    thread !== null &&
    !thread.closed &&
    isReviewable(application.status)
  );
}

/**
 * Reading the decision and downloading its letter: an active member of the
 * lead organisation, once the call's results are published (never before,
 * whatever the status says).
 */
export function canReadDecision(user: Viewer, application: ApplicantApplication, resultsPublished: boolean) {
  return (
    canViewOwnApplication(user, application) &&
    resultsPublished &&
    (application.status === "accepted" || application.status === "rejected")
  );
}

/** Review dashboard: reviewers and admins. */
export function canAccessReviewSpace(user: Viewer) {
  return hasPermission(user, "review.access");
}

/** A reviewer's assignment to one application, as the review predicates need it. */
export type ReviewAssignment = { conflict: boolean; ownReviewSubmitted: boolean } | null;

/**
 * Seeing an application in the review dashboard (its page, documents, history):
 * - an admin, for every submitted application;
 * - a reviewer assigned to it (a conflicted reviewer still sees the file, not the scores).
 */
export function canViewApplicationForReview(user: Viewer, assignment: ReviewAssignment) {
  if (!canAccessReviewSpace(user)) return false;
  return hasPermission(user, "admin.access") || (Boolean(user?.isReviewer) && assignment !== null);
}

/**
 * Scoring (draft or submit) and declaring a conflict:
 * - a reviewer assigned to the application;
 * - who has not declared a conflict on it and not yet submitted their review;
 * - while the application is under review (not decided, not withdrawn).
 */
export function canScoreApplication(user: Viewer, assignment: ReviewAssignment, status: string) {
  if (!user?.isReviewer || !assignment) return false;
  return !assignment.conflict && !assignment.ownReviewSubmitted && isReviewable(status);
}

/**
 * Declaring a conflict of interest: an assigned reviewer without a declared
 * conflict, while the application is reviewable, before or after submitting
 * their review (a conflict can come to light late; the review is then set aside).
 */
export function canDeclareConflict(user: Viewer, assignment: ReviewAssignment, status: string) {
  if (!user?.isReviewer || !assignment) return false;
  return !assignment.conflict && isReviewable(status);
}

/**
 * Seeing other reviewers' scores and the aggregates of an application:
 * - an admin;
 * - an assigned reviewer without conflict who has submitted their own review.
 * The rule lives in lib/review/score-visibility.ts, beside its SQL form (the
 * dashboard's list), so that the page and the list cannot disagree.
 */
export function canSeeReviewScores(user: Viewer, assignment: ReviewAssignment) {
  return seesReviewScores(user, assignment);
}

/**
 * Downloading a document of an application (its required documents and the
 * files attached to its messages):
 * - an active member of its lead organisation, in every status;
 * - an admin, once it is submitted (staff never see drafts);
 * - a reviewer assigned to it who has not declared a conflict, once it is
 *   submitted (a conflicted reviewer still sees the page, not the documents).
 */
export function canDownloadApplicationDocument(
  user: Viewer,
  application: ApplicantApplication,
  assignment: ReviewAssignment,
) {
  if (canViewOwnApplication(user, application)) return true;
  if (application.status === "draft") return false;
  if (hasPermission(user, "admin.access")) return true;
  return Boolean(user?.isReviewer && assignment && !assignment.conflict);
}

/**
 * Asking the applicant for more information:
 * - an admin, or an assigned reviewer without conflict;
 * - while the application is submitted or in review (not already waiting for an answer).
 */
export function canRequestInformation(user: Viewer, assignment: ReviewAssignment, status: string) {
  if (!allows("requestInformation", status)) return false;
  if (hasPermission(user, "admin.access")) return true;
  return Boolean(user?.isReviewer && assignment && !assignment.conflict);
}

/**
 * Asking again in an existing thread: as for a new request, on an open
 * thread (the application is in review: the last request was answered).
 */
export function canFollowUpInformationRequest(
  user: Viewer,
  assignment: ReviewAssignment,
  status: string,
  thread: InformationThread,
) {
  return thread !== null && !thread.closed && canRequestInformation(user, assignment, status);
}

/**
 * Closing an information request's thread (no answer expected any more):
 * - an admin, or an assigned reviewer without conflict;
 * - on an open thread, while the application is under review or waiting for the answer.
 */
export function canCloseInformationRequest(
  user: Viewer,
  assignment: ReviewAssignment,
  status: string,
  thread: InformationThread,
) {
  if (thread === null || thread.closed || !isReviewable(status)) return false;
  if (hasPermission(user, "admin.access")) return true;
  return Boolean(user?.isReviewer && assignment && !assignment.conflict);
}

/**
 * Deciding (accept with an amount, or reject with a reason): an admin, on an
 * application under review (a decided, withdrawn or waiting one cannot be decided).
 */
export function canDecide(user: Viewer, status: string) {
  return hasPermission(user, "admin.access") && allows("decide", status);
}

/**
 * Correcting a decision (with a reason): an admin, on a decided application,
 * while the call's results are not published (after a withdrawal, again).
 */
export function canReviseDecision(user: Viewer, status: string, resultsPublished: boolean) {
  return hasPermission(user, "admin.access") && allows("reviseDecision", status) && !resultsPublished;
}

/**
 * Reopening a submitted review (with a reason) so its reviewer can correct it:
 * an admin, while the application is still under review (not decided).
 */
export function canReopenReview(user: Viewer, status: string) {
  return hasPermission(user, "admin.access") && isReviewable(status);
}

/** Exporting the dashboard list: whoever may use the dashboard (the export holds only rows they may see). */
export function canExportReviewList(user: Viewer) {
  return canAccessReviewSpace(user);
}

/** Admin pages (calls, decisions, accounts, outbox): admins only. */
export function canAccessAdmin(user: Viewer) {
  return hasPermission(user, "admin.access");
}

/** Creating, editing and duplicating calls (dates, grid, envelope, documents): admins only. */
export function canManageCalls(user: Viewer) {
  return hasPermission(user, "calls.manage");
}

/** Assigning reviewers to a call's applications (in bulk or one by one): admins only. */
export function canAssignReviewers(user: Viewer) {
  return hasPermission(user, "assignments.manage");
}

/** Publishing (or unpublishing, with a reason) a call's results: admins only. */
export function canPublishResults(user: Viewer) {
  return hasPermission(user, "results.publish");
}

/** Granting and revoking staff roles: admins only; an admin cannot revoke their own admin role. */
export function canManageRoles(user: Viewer) {
  return hasPermission(user, "roles.manage");
}

export function canRevokeRole(user: Viewer, targetUserId: string, role: StaffRole) {
  if (!canManageRoles(user)) return false;
  return !(role === "admin" && user?.id === targetUserId);
}

/** The e-mail outbox page: admins only. */
export function canReadOutbox(user: Viewer) {
  return hasPermission(user, "outbox.read");
}

/** Resending or cancelling an e-mail of the outbox (audited): admins only. */
export function canManageOutbox(user: Viewer) {
  return hasPermission(user, "outbox.manage");
}

/** The service's audit trail (every event, its filters and export): admins only. */
export function canReadAuditLog(user: Viewer) {
  return hasPermission(user, "audit.read");
}

/**
 * The development mailbox (e-mails written to the outbox, with their links):
 * only in demo mode, where it is public on purpose so that a newcomer can
 * follow a sign-in link without an SMTP server. Never outside demo mode.
 */
export function canReadDevMailbox(_user: Viewer, demoMode: boolean) {
  return demoMode;
}

/** Network space: editors of at least one network. */
export function canAccessNetworkSpace(user: Viewer) {
  return hasPermission(user, "network.access");
}

/**
 * Writing about a project as a network: the user edits that network, and the
 * project's lead or one of its co-applicants is in the network's région.
 */
export function canEditFollowup(user: Viewer, networkId: string, projectRegionCodes: readonly string[]) {
  const network = user?.networks.find((n) => n.networkId === networkId);
  return Boolean(network && projectRegionCodes.includes(network.regionCode));
}

/**
 * A network's own content that is not about one project (news issues, general
 * posts, images of its pages): an editor of that network. Admins manage
 * networks, not their editorial content.
 */
export function canEditNetworkContent(user: Viewer, networkId: string) {
  return Boolean(user?.networks.some((n) => n.networkId === networkId));
}

/**
 * Editing, publishing or unpublishing a follow-up post (and its images):
 * - a post about a project: canEditFollowup (the post's network, a project of its région);
 * - a general post of a news issue: canEditNetworkContent (the post's network).
 */
export function canEditFollowupPost(
  user: Viewer,
  post: { networkId: string; projectRegionCodes: readonly string[] | null },
) {
  return post.projectRegionCodes
    ? canEditFollowup(user, post.networkId, post.projectRegionCodes)
    : canEditNetworkContent(user, post.networkId);
}

/**
 * The network a user writes as about a project: the first network they edit
 * whose région is the lead's or a co-applicant's; null when none (refused).
 */
export function followupNetworkFor(user: Viewer, projectRegionCodes: readonly string[]) {
  return user?.networks.find((n) => projectRegionCodes.includes(n.regionCode)) ?? null;
}

/**
 * Submitting a progress report (intermediate or final) about a project:
 * - an active member of its lead organisation;
 * - once the project is a laureate (accepted, results published).
 */
/** What the grant predicates need to know of a grant and of the report at hand. */
export type GrantState = { status: string; reportStatus?: string | null };

/**
 * Everything DCTCIV does on a grant — sending agreements, validating or
 * sending back reports, recording payments, terminating — is an admin's.
 */
export function canManageGrants(user: Viewer) {
  return hasPermission(user, "grants.manage");
}

/**
 * Reading a grant (agreement, schedule, reports):
 * - the lead's active members;
 * - an admin;
 * - an editor of a network whose région is the project's (report status beside their follow-up).
 */
export function canViewGrant(
  user: Viewer,
  application: ApplicantApplication,
  projectRegionCodes: readonly string[],
) {
  return (
    canViewOwnApplication(user, application) ||
    canManageGrants(user) ||
    followupNetworkFor(user, projectRegionCodes) !== null
  );
}

/** The grant's documents (agreement, payment notices): the lead's active members and admins. */
export function canReadGrantDocuments(user: Viewer, application: ApplicantApplication) {
  return canViewOwnApplication(user, application) || canManageGrants(user);
}

/**
 * Accepting the agreement online, for the lead's authorised signatory:
 * - an active manager of the lead organisation — never an admin on its behalf,
 *   since the ministry is the other party;
 * - while the agreement waits for its signature.
 */
export function canSignAgreement(user: Viewer, application: ApplicantApplication, grant: GrantState) {
  const isLeadManager = Boolean(
    user?.memberships.some(
      (m) =>
        m.organisationId === application.leadOrganisationId && m.status === "active" && m.role === "manager",
    ),
  );
  return isLeadManager && grantAllows("signAgreement", grant.status);
}

/**
 * Sending a report of the grant's schedule:
 * - an active member of the lead organisation;
 * - once the agreement is signed and until the grant is closed;
 * - for a report not sent yet, or sent back for more (not one waiting for DCTCIV, nor accepted).
 */
export function canSubmitGrantReport(user: Viewer, application: ApplicantApplication, grant: GrantState) {
  return (
    canViewOwnApplication(user, application) &&
    grant.status === "agreement_signed" &&
    reportAllows("submitReport", grant.reportStatus ?? null)
  );
}

/**
 * Reading a project's progress reports (text and documents):
 * - an admin (the ministry sees every report);
 * - an editor of a network whose région is the lead's or a co-applicant's.
 * The applicant reads their own through canViewOwnApplication.
 */
export function canReadProgressReports(user: Viewer, projectRegionCodes: readonly string[]) {
  if (hasPermission(user, "admin.access")) return true;
  return followupNetworkFor(user, projectRegionCodes) !== null;
}

/** Demo one-click sign-in as a persona: only in demo mode. */
export function canUseDemoSignIn(demoMode: boolean) {
  return demoMode;
}
