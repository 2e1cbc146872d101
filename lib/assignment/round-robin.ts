/**
 * Bulk assignment of reviewers to a call's applications: a balanced
 * round-robin, pure so that it is unit-tested and its preview is exactly what
 * gets applied.
 *
 * Rules:
 * - each application ends with `perApplication` reviewers who did not declare
 *   a conflict on it (existing assignments count; a conflicted one does not);
 * - a reviewer who declared a conflict on an application is never proposed for it;
 * - with `sameDepartementRule`, a reviewer attached to the lead's
 *   département is not proposed (a lead or reviewer without a département is not concerned);
 * - the least loaded eligible reviewer comes first (load = assignments without
 *   conflict in this call, existing and proposed); ties go round-robin, to the
 *   reviewer after the last one chosen, so that loads stay within one of each
 *   other when nothing else constrains them;
 * - applications with the fewest eligible reviewers are served first, so that
 *   constraints do not leave them short;
 * - re-running only fills gaps: nothing existing is moved or removed.
 */

export type AssignmentApplication = { id: string; leadDepartementCode: string | null };
export type AssignmentReviewer = { id: string; departementCode: string | null };
export type ExistingAssignment = { applicationId: string; reviewerId: string; conflict: boolean };

export type AssignmentInput = {
  applications: readonly AssignmentApplication[];
  reviewers: readonly AssignmentReviewer[];
  existing: readonly ExistingAssignment[];
  perApplication: number;
  sameDepartementRule: boolean;
};

export type Proposal = { applicationId: string; reviewerId: string };
export type AssignmentPlan = {
  proposals: Proposal[];
  /** Applications that cannot reach `perApplication` reviewers, and how many are missing. */
  shortfalls: { applicationId: string; missing: number }[];
  /** Load of each reviewer after the proposals (assignments without conflict). */
  loads: Record<string, number>;
};

const key = (applicationId: string, reviewerId: string) => `${applicationId}\u0000${reviewerId}`;

export function planAssignments(input: AssignmentInput): AssignmentPlan {
  const { applications, reviewers, existing, perApplication, sameDepartementRule } = input;
  const applicationIds = new Set(applications.map((a) => a.id));
  const taken = new Set<string>(); // any existing row, conflicted or not: never proposed again
  const valid = new Map<string, number>(); // application → reviewers without conflict
  const loads: Record<string, number> = Object.fromEntries(reviewers.map((r) => [r.id, 0]));
  for (const a of existing) {
    taken.add(key(a.applicationId, a.reviewerId));
    if (a.conflict) continue;
    if (applicationIds.has(a.applicationId)) {
      valid.set(a.applicationId, (valid.get(a.applicationId) ?? 0) + 1);
    }
    if (a.reviewerId in loads && applicationIds.has(a.applicationId)) {
      loads[a.reviewerId] = (loads[a.reviewerId] ?? 0) + 1;
    }
  }

  const eligible = (application: AssignmentApplication) =>
    reviewers.filter(
      (r) =>
        !taken.has(key(application.id, r.id)) &&
        !(
          sameDepartementRule &&
          application.leadDepartementCode !== null &&
          r.departementCode !== null &&
          r.departementCode === application.leadDepartementCode
        ),
    );

  // Most constrained first; the given order breaks ties (stable sort).
  const order = applications
    .map((application, index) => ({ application, index, options: eligible(application).length }))
    .sort((a, b) => a.options - b.options || a.index - b.index);

  const position = new Map(reviewers.map((r, i) => [r.id, i]));
  let cursor = 0; // index of the reviewer after the last one chosen
  const proposals: Proposal[] = [];
  const shortfalls: AssignmentPlan["shortfalls"] = [];
  const count = reviewers.length;

  for (const { application } of order) {
    const need = Math.max(0, perApplication - (valid.get(application.id) ?? 0));
    if (need === 0) continue;
    const candidates = eligible(application).sort((a, b) => {
      const byLoad = (loads[a.id] ?? 0) - (loads[b.id] ?? 0);
      if (byLoad !== 0) return byLoad;
      const ra = ((position.get(a.id) ?? 0) - cursor + count) % count;
      const rb = ((position.get(b.id) ?? 0) - cursor + count) % count;
      return ra - rb;
    });
    const chosen = candidates.slice(0, need);
    for (const reviewer of chosen) {
      proposals.push({ applicationId: application.id, reviewerId: reviewer.id });
      taken.add(key(application.id, reviewer.id));
      loads[reviewer.id] = (loads[reviewer.id] ?? 0) + 1;
      cursor = ((position.get(reviewer.id) ?? 0) + 1) % count;
    }
    if (chosen.length < need)
      shortfalls.push({ applicationId: application.id, missing: need - chosen.length });
  }
  return { proposals, shortfalls, loads };
}

/** A stable fingerprint of a plan: the apply step refuses if the plan changed since the preview. */
export function planFingerprint(plan: AssignmentPlan): string {
  const text = plan.proposals
    .map((p) => `${p.applicationId}:${p.reviewerId}`)
    .sort()
    .join(",");
  // FNV-1a, 32 bits: enough to notice a change, not a security measure.
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return `${plan.proposals.length}-${hash.toString(16)}`;
}
