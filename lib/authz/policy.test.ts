import { describe, expect, it } from "vitest";
import {
  applicantOrganisationIds,
  canAccessAdmin,
  canAccessApplicantSpace,
  canAccessNetworkSpace,
  canAccessReviewSpace,
  canEditFollowup,
  canManageOrganisation,
  canManageRoles,
  canReadDevMailbox,
  canReadOutbox,
  canRemoveMember,
  canRevokeRole,
  canUseDemoSignIn,
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

describe("staff rules", () => {
  it("opens the review space to reviewers and admins only", () => {
    expect(canAccessReviewSpace(reviewer)).toBe(true);
    expect(canAccessReviewSpace(admin)).toBe(true);
    expect(canAccessReviewSpace(manager)).toBe(false);
    expect(canAccessReviewSpace(null)).toBe(false);
  });
  it("opens admin pages, role management and the outbox to admins only", () => {
    for (const check of [canAccessAdmin, canManageRoles, canReadOutbox]) {
      expect(check(admin)).toBe(true);
      expect(check(reviewer)).toBe(false);
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
});

describe("demo mode", () => {
  it("offers the dev mailbox and persona sign-in only in demo mode", () => {
    expect(canReadDevMailbox(null, true)).toBe(true);
    expect(canReadDevMailbox(admin, false)).toBe(false);
    expect(canUseDemoSignIn(true)).toBe(true);
    expect(canUseDemoSignIn(false)).toBe(false);
  });
});
