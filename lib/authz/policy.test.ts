import { describe, expect, it } from "vitest";
import {
  applicantOrganisationIds,
  canAccessAdmin,
  canAccessApplicantSpace,
  canAccessNetworkSpace,
  canAccessReviewSpace,
  canAnswerInformationRequest,
  canAssignReviewers,
  canCloseInformationRequest,
  canCreateApplication,
  canDecide,
  canDeclareConflict,
  canDownloadApplicationDocument,
  canEditApplication,
  canEditFollowup,
  canEditFollowupPost,
  canEditNetworkContent,
  canExportReviewList,
  canFollowUpInformationRequest,
  canManageCalls,
  canManageGrants,
  canManageOrganisation,
  canManageOutbox,
  canManageRoles,
  canPublishResults,
  canReadAuditLog,
  canReadDecision,
  canReadDevMailbox,
  canReadGrantDocuments,
  canReadOutbox,
  canReadProgressReports,
  canRemoveMember,
  canReopenReview,
  canRequestInformation,
  canReviseDecision,
  canRevokeRole,
  canScoreApplication,
  canSeeReviewScores,
  canSignAgreement,
  canSubmitGrantReport,
  canUseDemoSignIn,
  canViewApplicationForReview,
  canViewGrant,
  canViewOwnApplication,
  canWithdrawApplication,
  followupNetworkFor,
  isActiveMember,
} from "./policy";
import type { Principal } from "./principal";

function user(overrides: Partial<Principal> = {}): Principal {
  return {
    id: "u1",
    email: "agent@example.fr",
    name: "Agent",
    isAdmin: false,
    isReviewer: false,
    networks: [],
    memberships: [],
    ...overrides,
  };
}

const manager = user({ memberships: [{ organisationId: 1, role: "manager", status: "active" }] });
const member = user({ memberships: [{ organisationId: 1, role: "member", status: "active" }] });
const pending = user({ memberships: [{ organisationId: 1, role: "manager", status: "pending" }] });
const admin = user({ id: "admin", isAdmin: true });
const reviewer = user({ isReviewer: true });
const editor84 = user({ networks: [{ networkId: "n84", slug: "resacoop", regionCode: "84" }] });

describe("applicant rules", () => {
  it("lets any signed-in user into the applicant space, not anonymous visitors", () => {
    expect(canAccessApplicantSpace(user())).toBe(true);
    expect(canAccessApplicantSpace(null)).toBe(false);
  });
  it("counts only active memberships", () => {
    expect(isActiveMember(member, 1)).toBe(true);
    expect(isActiveMember(pending, 1)).toBe(false);
    expect(isActiveMember(member, 2)).toBe(false);
    expect(applicantOrganisationIds(pending)).toEqual([]);
    expect(applicantOrganisationIds(manager)).toEqual([1]);
  });
  it("lets an active manager or an admin manage an organisation", () => {
    expect(canManageOrganisation(manager, 1)).toBe(true);
    expect(canManageOrganisation(manager, 2)).toBe(false);
    expect(canManageOrganisation(member, 1)).toBe(false);
    expect(canManageOrganisation(pending, 1)).toBe(false);
    expect(canManageOrganisation(admin, 1)).toBe(true);
    expect(canManageOrganisation(null, 1)).toBe(false);
  });
  it("does not let a manager remove themselves, but lets an admin", () => {
    expect(canRemoveMember(manager, 1, "someone-else")).toBe(true);
    expect(canRemoveMember(manager, 1, manager.id)).toBe(false);
    expect(canRemoveMember(admin, 1, "someone-else")).toBe(true);
    expect(canRemoveMember(member, 1, "someone-else")).toBe(false);
  });
});

describe("application rules (applicant side)", () => {
  const app = (status: string) => ({ leadOrganisationId: 1, status });
  it("lets an active member create an application for their organisation only", () => {
    expect(canCreateApplication(member, 1)).toBe(true);
    expect(canCreateApplication(member, 2)).toBe(false);
    expect(canCreateApplication(pending, 1)).toBe(false);
    expect(canCreateApplication(admin, 1)).toBe(false);
    expect(canCreateApplication(null, 1)).toBe(false);
  });
  it("shows an application to active members of its lead organisation only", () => {
    expect(canViewOwnApplication(member, app("submitted"))).toBe(true);
    expect(canViewOwnApplication(pending, app("draft"))).toBe(false);
    expect(
      canViewOwnApplication(
        user({ memberships: [{ organisationId: 2, role: "manager", status: "active" }] }),
        app("draft"),
      ),
    ).toBe(false);
    expect(canViewOwnApplication(reviewer, app("submitted"))).toBe(false);
  });
  it("lets members edit a draft only", () => {
    expect(canEditApplication(member, app("draft"))).toBe(true);
    expect(canEditApplication(member, app("submitted"))).toBe(false);
    expect(canEditApplication(pending, app("draft"))).toBe(false);
    expect(canEditApplication(admin, app("draft"))).toBe(false);
  });
  it("lets members withdraw before a decision only", () => {
    for (const status of ["draft", "submitted", "in_review", "information_requested"]) {
      expect(canWithdrawApplication(member, app(status))).toBe(true);
    }
    for (const status of ["accepted", "rejected", "withdrawn"]) {
      expect(canWithdrawApplication(member, app(status))).toBe(false);
    }
    expect(canWithdrawApplication(pending, app("draft"))).toBe(false);
  });
  it("lets members read a decision once the results are published only", () => {
    expect(canReadDecision(member, app("accepted"), true)).toBe(true);
    expect(canReadDecision(member, app("rejected"), true)).toBe(true);
    expect(canReadDecision(member, app("accepted"), false)).toBe(false);
    expect(canReadDecision(member, app("in_review"), true)).toBe(false);
    expect(canReadDecision(pending, app("accepted"), true)).toBe(false);
    expect(canReadDecision(reviewer, app("accepted"), true)).toBe(false);
  });
  it("lets members answer in an open thread while the application is under review", () => {
    const open = { closed: false };
    expect(canAnswerInformationRequest(member, app("information_requested"), open)).toBe(true);
    expect(canAnswerInformationRequest(member, app("in_review"), open)).toBe(true);
    expect(canAnswerInformationRequest(member, app("information_requested"), { closed: true })).toBe(false);
    expect(canAnswerInformationRequest(member, app("information_requested"), null)).toBe(false);
    expect(canAnswerInformationRequest(member, app("accepted"), open)).toBe(false);
    expect(canAnswerInformationRequest(member, app("withdrawn"), open)).toBe(false);
    expect(canAnswerInformationRequest(pending, app("information_requested"), open)).toBe(false);
    expect(canAnswerInformationRequest(reviewer, app("information_requested"), open)).toBe(false);
  });
});

describe("staff rules", () => {
  it("opens the review space to reviewers and admins only", () => {
    expect(canAccessReviewSpace(reviewer)).toBe(true);
    expect(canAccessReviewSpace(admin)).toBe(true);
    expect(canAccessReviewSpace(manager)).toBe(false);
    expect(canAccessReviewSpace(null)).toBe(false);
  });
  it("opens admin pages, role management, the outbox (reading and resending) and the audit trail to admins only", () => {
    for (const check of [canAccessAdmin, canManageRoles, canReadOutbox, canManageOutbox, canReadAuditLog]) {
      expect(check(admin)).toBe(true);
      expect(check(reviewer)).toBe(false);
      expect(check(editor84)).toBe(false);
      expect(check(null)).toBe(false);
    }
  });
  it("lets admins only manage calls, assign reviewers and publish results", () => {
    for (const check of [canManageCalls, canAssignReviewers, canPublishResults]) {
      expect(check(admin)).toBe(true);
      expect(check(reviewer)).toBe(false);
      expect(check(manager)).toBe(false);
      expect(check(editor84)).toBe(false);
      expect(check(null)).toBe(false);
    }
  });
  it("does not let an admin revoke their own admin role", () => {
    expect(canRevokeRole(admin, admin.id, "admin")).toBe(false);
    expect(canRevokeRole(admin, admin.id, "reviewer")).toBe(true);
    expect(canRevokeRole(admin, "other", "admin")).toBe(true);
    expect(canRevokeRole(reviewer, "other", "reviewer")).toBe(false);
  });
  it("opens the network space to network editors only", () => {
    expect(canAccessNetworkSpace(editor84)).toBe(true);
    expect(canAccessNetworkSpace(admin)).toBe(false);
    expect(canAccessNetworkSpace(null)).toBe(false);
  });
  it("lets an editor write only for their network and projects of its région", () => {
    expect(canEditFollowup(editor84, "n84", ["84", "11"])).toBe(true);
    expect(canEditFollowup(editor84, "n84", ["53"])).toBe(false);
    expect(canEditFollowup(editor84, "n53", ["84"])).toBe(false);
    expect(canEditFollowup(admin, "n84", ["84"])).toBe(false);
  });
  it("lets an editor write its network's general content, nobody else's", () => {
    expect(canEditNetworkContent(editor84, "n84")).toBe(true);
    expect(canEditNetworkContent(editor84, "n53")).toBe(false);
    expect(canEditNetworkContent(admin, "n84")).toBe(false);
    expect(canEditNetworkContent(null, "n84")).toBe(false);
  });
  it("lets an editor edit a post of its network: about a project of its région, or general", () => {
    expect(canEditFollowupPost(editor84, { networkId: "n84", projectRegionCodes: ["84"] })).toBe(true);
    expect(canEditFollowupPost(editor84, { networkId: "n84", projectRegionCodes: ["53"] })).toBe(false);
    expect(canEditFollowupPost(editor84, { networkId: "n84", projectRegionCodes: null })).toBe(true);
    expect(canEditFollowupPost(editor84, { networkId: "n53", projectRegionCodes: null })).toBe(false);
    expect(canEditFollowupPost(admin, { networkId: "n84", projectRegionCodes: null })).toBe(false);
  });
  it("finds the network an editor writes as about a project, by région", () => {
    expect(followupNetworkFor(editor84, ["11", "84"])?.networkId).toBe("n84");
    expect(followupNetworkFor(editor84, ["53"])).toBeNull();
    expect(followupNetworkFor(null, ["84"])).toBeNull();
  });
  it("lets the lead's active members send a report only once the agreement is signed, and not one waiting or accepted", () => {
    const lead = { leadOrganisationId: 1, status: "accepted" };
    expect(canSubmitGrantReport(member, lead, { status: "agreement_signed" })).toBe(true);
    expect(
      canSubmitGrantReport(member, lead, { status: "agreement_signed", reportStatus: "changes_requested" }),
    ).toBe(true);
    expect(
      canSubmitGrantReport(member, lead, { status: "agreement_signed", reportStatus: "submitted" }),
    ).toBe(false);
    expect(canSubmitGrantReport(member, lead, { status: "agreement_signed", reportStatus: "accepted" })).toBe(
      false,
    );
    expect(canSubmitGrantReport(member, lead, { status: "agreement_sent" })).toBe(false);
    expect(canSubmitGrantReport(member, lead, { status: "closed" })).toBe(false);
    expect(canSubmitGrantReport(pending, lead, { status: "agreement_signed" })).toBe(false);
    expect(canSubmitGrantReport(editor84, lead, { status: "agreement_signed" })).toBe(false);
    expect(canSubmitGrantReport(admin, lead, { status: "agreement_signed" })).toBe(false);
  });
  it("lets only a manager of the lead sign the agreement, never an admin for it, and once", () => {
    const lead = { leadOrganisationId: 1, status: "accepted" };
    expect(canSignAgreement(manager, lead, { status: "agreement_sent" })).toBe(true);
    expect(canSignAgreement(manager, lead, { status: "agreement_signed" })).toBe(false);
    expect(canSignAgreement(member, lead, { status: "agreement_sent" })).toBe(false);
    expect(canSignAgreement(pending, lead, { status: "agreement_sent" })).toBe(false);
    expect(canSignAgreement(admin, lead, { status: "agreement_sent" })).toBe(false);
  });
  it("leaves grants to admins, their documents to the lead and admins, and shows them to the région's network", () => {
    const lead = { leadOrganisationId: 1, status: "accepted" };
    expect(canManageGrants(admin)).toBe(true);
    expect(canManageGrants(reviewer)).toBe(false);
    expect(canManageGrants(manager)).toBe(false);
    expect(canReadGrantDocuments(member, lead)).toBe(true);
    expect(canReadGrantDocuments(admin, lead)).toBe(true);
    expect(canReadGrantDocuments(editor84, lead)).toBe(false);
    expect(canReadGrantDocuments(reviewer, lead)).toBe(false);
    expect(canViewGrant(editor84, lead, ["84"])).toBe(true);
    expect(canViewGrant(editor84, lead, ["53"])).toBe(false);
    expect(canViewGrant(member, lead, [])).toBe(true);
    expect(canViewGrant(null, lead, ["84"])).toBe(false);
  });
  it("shows progress reports to admins and the editors of the project's région", () => {
    expect(canReadProgressReports(admin, ["53"])).toBe(true);
    expect(canReadProgressReports(editor84, ["84"])).toBe(true);
    expect(canReadProgressReports(editor84, ["53"])).toBe(false);
    expect(canReadProgressReports(reviewer, ["84"])).toBe(false);
    expect(canReadProgressReports(null, ["84"])).toBe(false);
  });
});

describe("demo mode", () => {
  it("offers the dev mailbox and persona sign-in only in demo mode", () => {
    expect(canReadDevMailbox(null, true)).toBe(true);
    expect(canReadDevMailbox(admin, false)).toBe(false);
    expect(canUseDemoSignIn(true)).toBe(true);
    expect(canUseDemoSignIn(false)).toBe(false);
  });
});

describe("review rules", () => {
  const assigned = { conflict: false, ownReviewSubmitted: false };
  const submitted = { conflict: false, ownReviewSubmitted: true };
  const conflicted = { conflict: true, ownReviewSubmitted: false };
  it("shows an application to admins and to its assigned reviewers only", () => {
    expect(canViewApplicationForReview(admin, null)).toBe(true);
    expect(canViewApplicationForReview(reviewer, assigned)).toBe(true);
    expect(canViewApplicationForReview(reviewer, conflicted)).toBe(true);
    expect(canViewApplicationForReview(reviewer, null)).toBe(false);
    expect(canViewApplicationForReview(manager, null)).toBe(false);
  });
  it("lets an assigned, unconflicted reviewer score until submission, while in review", () => {
    expect(canScoreApplication(reviewer, assigned, "in_review")).toBe(true);
    expect(canScoreApplication(reviewer, conflicted, "in_review")).toBe(false);
    expect(canScoreApplication(reviewer, submitted, "in_review")).toBe(false);
    expect(canScoreApplication(reviewer, null, "in_review")).toBe(false);
    expect(canScoreApplication(reviewer, assigned, "accepted")).toBe(false);
    expect(canScoreApplication(admin, null, "in_review")).toBe(false);
    expect(canDeclareConflict(reviewer, assigned, "submitted")).toBe(true);
    // A conflict found after submitting can still be declared; not twice, not once decided.
    expect(canDeclareConflict(reviewer, submitted, "in_review")).toBe(true);
    expect(canDeclareConflict(reviewer, conflicted, "in_review")).toBe(false);
    expect(canDeclareConflict(reviewer, assigned, "accepted")).toBe(false);
    expect(canDeclareConflict(admin, null, "in_review")).toBe(false);
  });
  it("hides others' scores until one's own review is submitted, and from the conflicted", () => {
    expect(canSeeReviewScores(admin, null)).toBe(true);
    expect(canSeeReviewScores(reviewer, submitted)).toBe(true);
    expect(canSeeReviewScores(reviewer, assigned)).toBe(false);
    expect(canSeeReviewScores(reviewer, conflicted)).toBe(false);
    expect(canSeeReviewScores(reviewer, null)).toBe(false);
  });
  it("lets the lead's members, admins and unconflicted assigned reviewers download documents", () => {
    const inReview = { leadOrganisationId: 1, status: "in_review" };
    const draft = { leadOrganisationId: 1, status: "draft" };
    expect(canDownloadApplicationDocument(member, draft, null)).toBe(true);
    expect(canDownloadApplicationDocument(member, inReview, null)).toBe(true);
    expect(canDownloadApplicationDocument(pending, inReview, null)).toBe(false);
    expect(
      canDownloadApplicationDocument(
        user({ memberships: [{ organisationId: 2, role: "manager", status: "active" }] }),
        inReview,
        null,
      ),
    ).toBe(false);
    expect(canDownloadApplicationDocument(admin, inReview, null)).toBe(true);
    expect(canDownloadApplicationDocument(admin, draft, null)).toBe(false);
    expect(canDownloadApplicationDocument(reviewer, inReview, assigned)).toBe(true);
    expect(canDownloadApplicationDocument(reviewer, inReview, submitted)).toBe(true);
    expect(canDownloadApplicationDocument(reviewer, inReview, conflicted)).toBe(false);
    expect(canDownloadApplicationDocument(reviewer, inReview, null)).toBe(false);
    expect(canDownloadApplicationDocument(reviewer, draft, assigned)).toBe(false);
    expect(canDownloadApplicationDocument(editor84, inReview, null)).toBe(false);
    expect(canDownloadApplicationDocument(null, inReview, null)).toBe(false);
  });
  it("lets admins and unconflicted assigned reviewers ask for information while in review", () => {
    expect(canRequestInformation(reviewer, assigned, "in_review")).toBe(true);
    expect(canRequestInformation(admin, null, "submitted")).toBe(true);
    expect(canRequestInformation(reviewer, conflicted, "in_review")).toBe(false);
    expect(canRequestInformation(reviewer, assigned, "information_requested")).toBe(false);
    expect(canRequestInformation(manager, null, "in_review")).toBe(false);
  });
  it("lets the same staff ask again in, or close, an open thread only", () => {
    const open = { closed: false };
    const closed = { closed: true };
    expect(canFollowUpInformationRequest(reviewer, assigned, "in_review", open)).toBe(true);
    expect(canFollowUpInformationRequest(admin, null, "in_review", open)).toBe(true);
    expect(canFollowUpInformationRequest(reviewer, assigned, "information_requested", open)).toBe(false);
    expect(canFollowUpInformationRequest(reviewer, assigned, "in_review", closed)).toBe(false);
    expect(canFollowUpInformationRequest(reviewer, conflicted, "in_review", open)).toBe(false);
    expect(canFollowUpInformationRequest(reviewer, assigned, "in_review", null)).toBe(false);
    expect(canCloseInformationRequest(reviewer, assigned, "information_requested", open)).toBe(true);
    expect(canCloseInformationRequest(admin, null, "in_review", open)).toBe(true);
    expect(canCloseInformationRequest(reviewer, assigned, "in_review", closed)).toBe(false);
    expect(canCloseInformationRequest(reviewer, conflicted, "in_review", open)).toBe(false);
    expect(canCloseInformationRequest(reviewer, null, "in_review", open)).toBe(false);
    expect(canCloseInformationRequest(manager, null, "in_review", open)).toBe(false);
    expect(canCloseInformationRequest(admin, null, "accepted", open)).toBe(false);
  });
  it("lets only admins decide, and only undecided applications under review", () => {
    expect(canDecide(admin, "in_review")).toBe(true);
    expect(canDecide(admin, "submitted")).toBe(true);
    expect(canDecide(admin, "accepted")).toBe(false);
    expect(canDecide(admin, "information_requested")).toBe(false);
    expect(canDecide(reviewer, "in_review")).toBe(false);
  });
  it("lets only admins correct a decision, until the results are published", () => {
    expect(canReviseDecision(admin, "accepted", false)).toBe(true);
    expect(canReviseDecision(admin, "rejected", false)).toBe(true);
    expect(canReviseDecision(admin, "accepted", true)).toBe(false);
    expect(canReviseDecision(admin, "in_review", false)).toBe(false);
    expect(canReviseDecision(reviewer, "accepted", false)).toBe(false);
  });
  it("lets only admins reopen a review, while the application is under review", () => {
    expect(canReopenReview(admin, "in_review")).toBe(true);
    expect(canReopenReview(admin, "accepted")).toBe(false);
    expect(canReopenReview(reviewer, "in_review")).toBe(false);
  });
  it("lets dashboard users export", () => {
    expect(canExportReviewList(reviewer)).toBe(true);
    expect(canExportReviewList(admin)).toBe(true);
    expect(canExportReviewList(manager)).toBe(false);
  });
});
