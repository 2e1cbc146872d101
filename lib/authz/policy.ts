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
  admin: ["admin.access", "roles.manage", "outbox.read", "review.access", "memberships.confirm_any"],
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

/** Review dashboard: reviewers and admins. */
export function canAccessReviewSpace(user: Viewer) {
  return hasPermission(user, "review.access");
}

/** Admin pages (calls, decisions, accounts, outbox): admins only. */
export function canAccessAdmin(user: Viewer) {
  return hasPermission(user, "admin.access");
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

/** Demo one-click sign-in as a persona: only in demo mode. */
export function canUseDemoSignIn(demoMode: boolean) {
  return demoMode;
}
