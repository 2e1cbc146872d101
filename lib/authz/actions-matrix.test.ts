import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

/**
 * Server actions are public HTTP endpoints. Every exported action of every
 * "use server" module must be listed here with the policy predicate it calls
 * (or why it is public on purpose); the test reads the code, so a new action
 * without an entry, or one that stops calling its predicate, fails. A check
 * made in a helper of the same module counts where the action calls it.
 * The e2e security specs replay some of them under the wrong session.
 */
const ACTIONS: Record<string, { check: string | null; why?: string }> = {
  requestSignInLink: { check: null, why: "sign-in itself; rate-limited per address and IP" },
  signInWithProConnect: { check: null, why: "sign-in itself" },
  signInAsPersona: { check: "canUseDemoSignIn" },
  signOutAction: { check: null, why: "ends the caller's own session" },
  requestMembership: { check: "canAccessApplicantSpace" },
  confirmMembership: { check: "canManageOrganisation" },
  inviteMember: { check: "canManageOrganisation" },
  removeMember: { check: "canRemoveMember" },
  createApplication: { check: "canCreateApplication" },
  saveApplication: { check: "canEditApplication" },
  submitApplication: { check: "canEditApplication" },
  withdrawApplication: { check: "canWithdrawApplication" },
  grantRole: { check: "canManageRoles" },
  revokeRole: { check: "canRevokeRole" },
  saveReview: { check: "canScoreApplication" },
  declareConflict: { check: "canDeclareConflict" },
  requestInformation: { check: "canRequestInformation" },
  reopenReview: { check: "canReopenReview" },
  closeInformationRequest: { check: "canCloseInformationRequest" },
  decideApplication: { check: "canDecide" },
  createCall: { check: "canManageCalls" },
  updateCall: { check: "canManageCalls" },
  openCallNow: { check: "canManageCalls" },
  applyBulkAssignment: { check: "canAssignReviewers" },
  assignReviewer: { check: "canAssignReviewers" },
  unassignReviewer: { check: "canAssignReviewers" },
  publishResults: { check: "canPublishResults" },
  unpublishResults: { check: "canPublishResults" },
  previewMarkdown: { check: "canAccessNetworkSpace" },
  createFollowupPost: { check: "canEditFollowup" },
  updateFollowupPost: { check: "canEditFollowupPost" },
  publishFollowupPost: { check: "canEditFollowupPost" },
  unpublishFollowupPost: { check: "canEditFollowupPost" },
  createMilestone: { check: "canEditFollowup" },
  updateMilestone: { check: "canEditFollowup" },
  deleteMilestone: { check: "canEditFollowup" },
  createNewsIssue: { check: "canEditNetworkContent" },
  publishNewsIssue: { check: "canEditNetworkContent" },
  unpublishNewsIssue: { check: "canEditNetworkContent" },
  featureProgressReport: { check: "canEditFollowup" },
  submitProgressReport: { check: "canSubmitProgressReport" },
  resendEmail: { check: "canManageOutbox" },
  cancelEmail: { check: "canManageOutbox" },
};

function serverActionModules(root: string) {
  const files: string[] = [];
  for (const dir of ["lib", "app"]) {
    for (const entry of readdirSync(path.join(root, dir), { recursive: true }).map(String)) {
      if (!/\.(ts|tsx)$/.test(entry) || entry.includes(".test.")) continue;
      const file = path.join(root, dir, entry);
      if (/^\s*["']use server["']/.test(readFileSync(file, "utf8"))) files.push(file);
    }
  }
  return files;
}

/** Where each top-level declaration of a module starts (functions, constants, doc comments). */
const TOP_LEVEL = /^(?:export\s+)?(?:async\s+)?function\s|^(?:export\s+)?const\s|^\/\*\*/gm;

/** The module's own (not exported) helper functions, by name, with their text. */
function localHelpers(source: string) {
  const starts = [...source.matchAll(TOP_LEVEL)].map((m) => m.index);
  const helpers = new Map<string, string>();
  for (const match of source.matchAll(/^(?:async\s+)?function (\w+)\s*[<(]/gm)) {
    const end = starts.find((start) => start > match.index) ?? source.length;
    helpers.set(match[1] as string, source.slice(match.index, end));
  }
  return helpers;
}

/**
 * Each exported action with its text, where a call to a helper of the same
 * module (e.g. a loader that signs in and checks the policy) is followed by
 * the helper's own text, two levels deep: a check made in the helper counts
 * at the place the action calls it.
 */
function exportedActions(source: string) {
  const helpers = localHelpers(source);
  const inline = (text: string, depth: number): string =>
    depth === 0
      ? text
      : text.replace(/\b(\w+)\(/g, (call, name: string) =>
          helpers.has(name) ? `${call}/* ${inline(helpers.get(name) as string, depth - 1)} */` : call,
        );
  const starts = [...source.matchAll(/^export async function (\w+)\s*\(/gm)];
  return starts.map((match, i) => ({
    name: match[1] as string,
    body: inline(source.slice(match.index, starts[i + 1]?.index ?? source.length), 2),
  }));
}

const actions = serverActionModules(process.cwd()).flatMap((file) =>
  exportedActions(readFileSync(file, "utf8")).map((a) => ({ ...a, file })),
);

describe("server actions and the policy", () => {
  it("finds the server actions", () => {
    expect(actions.length).toBeGreaterThanOrEqual(Object.keys(ACTIONS).length);
  });

  it("lists every server action", () => {
    expect(actions.map((a) => a.name).filter((name) => !(name in ACTIONS))).toEqual([]);
  });

  for (const [name, rule] of Object.entries(ACTIONS)) {
    it(`${name} ${rule.check ? `checks ${rule.check}` : `is public on purpose (${rule.why})`}`, () => {
      const action = actions.find((a) => a.name === name);
      expect(action, `${name} not found`).toBeDefined();
      if (!rule.check) return;
      const body = action?.body ?? "";
      expect(body).toMatch(new RegExp(`\\b${rule.check}\\(`));
      if (rule.check !== "canUseDemoSignIn") {
        // The user is loaded (by the action, or by the pipeline it runs in) and the check
        // happens before any write.
        expect(body).toMatch(/getCurrentUser\(\)|runAction\(/);
        const check = body.search(new RegExp(`\\b${rule.check}\\(`));
        const firstWrite = body.search(/\.(insert|update|delete)\(|db\.transaction\(/);
        expect(firstWrite === -1 || check < firstWrite, "permission checked before writing").toBe(true);
      }
    });
  }
});
