import { describe, expect, it } from "vitest";
import { type AssignmentInput, planAssignments, planFingerprint } from "./round-robin";

const apps = (n: number, dept: string | null = null) =>
  Array.from({ length: n }, (_, i) => ({ id: `a${i + 1}`, leadDepartementCode: dept }));
const reviewers = (n: number) =>
  Array.from({ length: n }, (_, i) => ({ id: `r${i + 1}`, departementCode: null }));

function input(overrides: Partial<AssignmentInput> = {}): AssignmentInput {
  return {
    applications: apps(7),
    reviewers: reviewers(3),
    existing: [],
    perApplication: 2,
    sameDepartementRule: true,
    ...overrides,
  };
}

function perApplication(
  plan: ReturnType<typeof planAssignments>,
  existing: AssignmentInput["existing"] = [],
) {
  const counts = new Map<string, Set<string>>();
  for (const p of [...existing.filter((e) => !e.conflict), ...plan.proposals]) {
    const set = counts.get(p.applicationId) ?? new Set();
    set.add(p.reviewerId);
    counts.set(p.applicationId, set);
  }
  return counts;
}

const spread = (loads: Record<string, number>) => {
  const values = Object.values(loads);
  return Math.max(...values) - Math.min(...values);
};

describe("planAssignments", () => {
  it("gives each application N distinct reviewers", () => {
    const plan = planAssignments(input());
    const counts = perApplication(plan);
    expect(counts.size).toBe(7);
    for (const set of counts.values()) expect(set.size).toBe(2);
    expect(plan.shortfalls).toEqual([]);
  });

  it("keeps the reviewers' loads within one of each other", () => {
    for (const [n, r, k] of [
      [7, 3, 2],
      [10, 4, 3],
      [5, 5, 1],
      [23, 6, 2],
    ] as const) {
      const plan = planAssignments(
        input({ applications: apps(n), reviewers: reviewers(r), perApplication: k }),
      );
      expect(spread(plan.loads), `${n} applications, ${r} reviewers, ${k} each`).toBeLessThanOrEqual(1);
      expect(Object.values(plan.loads).reduce((s, v) => s + v, 0)).toBe(n * k);
    }
  });

  it("never proposes a reviewer who declared a conflict, and finds someone else", () => {
    const existing = [{ applicationId: "a1", reviewerId: "r1", conflict: true }];
    const plan = planAssignments(input({ existing }));
    expect(plan.proposals.filter((p) => p.applicationId === "a1").map((p) => p.reviewerId)).toEqual(
      expect.arrayContaining(["r2", "r3"]),
    );
    expect(plan.proposals).not.toContainEqual({ applicationId: "a1", reviewerId: "r1" });
  });

  it("skips reviewers of the lead's département when the rule is on, not when it is off", () => {
    const applications = [{ id: "a1", leadDepartementCode: "63" }];
    const people = [
      { id: "r1", departementCode: "63" },
      { id: "r2", departementCode: "69" },
      { id: "r3", departementCode: null },
    ];
    const on = planAssignments(input({ applications, reviewers: people }));
    expect(on.proposals.map((p) => p.reviewerId).sort()).toEqual(["r2", "r3"]);
    const off = planAssignments(input({ applications, reviewers: people, sameDepartementRule: false }));
    expect(off.proposals.map((p) => p.reviewerId)).toContain("r1");
  });

  it("reports a shortfall when too few reviewers are eligible", () => {
    const applications = [{ id: "a1", leadDepartementCode: "63" }];
    const people = [
      { id: "r1", departementCode: "63" },
      { id: "r2", departementCode: "69" },
    ];
    const plan = planAssignments(input({ applications, reviewers: people }));
    expect(plan.proposals).toEqual([{ applicationId: "a1", reviewerId: "r2" }]);
    expect(plan.shortfalls).toEqual([{ applicationId: "a1", missing: 1 }]);
  });

  it("only fills gaps when run again", () => {
    const first = planAssignments(input());
    const existing = first.proposals.map((p) => ({ ...p, conflict: false }));
    expect(planAssignments(input({ existing })).proposals).toEqual([]);

    // One reviewer declares a conflict: only that seat is filled again, by someone else.
    const conflicted = existing[0];
    if (!conflicted) throw new Error("no proposal");
    const withConflict = existing.map((e) => (e === conflicted ? { ...e, conflict: true } : e));
    const again = planAssignments(input({ existing: withConflict }));
    expect(again.proposals).toHaveLength(1);
    expect(again.proposals[0]?.applicationId).toBe(conflicted.applicationId);
    expect(again.proposals[0]?.reviewerId).not.toBe(conflicted.reviewerId);
  });

  it("counts existing assignments in the loads and evens them out", () => {
    const existing = [
      { applicationId: "a1", reviewerId: "r1", conflict: false },
      { applicationId: "a2", reviewerId: "r1", conflict: false },
    ];
    const plan = planAssignments(input({ applications: apps(4), perApplication: 1, existing }));
    // a1 and a2 are served; a3 and a4 go to the two reviewers without work.
    expect(plan.proposals.map((p) => p.reviewerId).sort()).toEqual(["r2", "r3"]);
  });

  it("gives the same plan for the same input (preview = apply)", () => {
    const a = planAssignments(input());
    const b = planAssignments(input());
    expect(a).toEqual(b);
    expect(planFingerprint(a)).toBe(planFingerprint(b));
    expect(planFingerprint(a)).not.toBe(planFingerprint(planAssignments(input({ perApplication: 1 }))));
  });

  it("does nothing without reviewers", () => {
    const plan = planAssignments(input({ reviewers: [] }));
    expect(plan.proposals).toEqual([]);
    expect(plan.shortfalls).toHaveLength(7);
  });
});
