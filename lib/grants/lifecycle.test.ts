import { describe, expect, it } from "vitest";
import { grantStatus, instalmentStatus, reportStatus } from "@/db/schema/enums";
import { AUDIT_EVENTS } from "@/lib/audit-events";
import * as policy from "@/lib/authz/policy";
import {
  GRANT_STATUS_LABELS,
  GRANT_STATUSES,
  GRANT_TRANSITIONS,
  grantAllows,
  INSTALMENT_STATUS_LABELS,
  INSTALMENT_STATUSES,
  INSTALMENT_TRANSITIONS,
  REPORT_STATUS_LABELS,
  REPORT_STATUSES,
  REPORT_TRANSITIONS,
  reportAllows,
} from "./lifecycle";

const tables = [
  ["grant", GRANT_TRANSITIONS, GRANT_STATUSES, grantStatus.enumValues],
  ["report", REPORT_TRANSITIONS, REPORT_STATUSES, reportStatus.enumValues],
  ["instalment", INSTALMENT_TRANSITIONS, INSTALMENT_STATUSES, instalmentStatus.enumValues],
] as const;

describe("the grant's lifecycle tables", () => {
  it.each(tables)(
    "%s: has the database's statuses, each reached by a transition",
    (_, transitions, statuses, db) => {
      expect([...statuses]).toEqual([...db]);
      const reached = new Set(Object.values(transitions).flatMap((t) => [...t.to]));
      const starts = Object.values(transitions).flatMap((t) => [...t.from]);
      // The first status is where the row is created (or the instalment planned).
      for (const s of statuses.slice(1)) expect(reached.has(s as never)).toBe(true);
      expect(starts.includes("new" as never) || statuses[0] === "waiting").toBe(true);
    },
  );

  type Declared = { audit: keyof typeof AUDIT_EVENTS; policy: keyof typeof policy };
  const all: [string, Declared][] = tables.flatMap(([name, transitions]) =>
    Object.entries(transitions as Record<string, Declared>).map(([t, v]): [string, Declared] => [
      `${name}.${t}`,
      v,
    ]),
  );
  it.each(all)("%s writes an event of the catalogue and names a predicate of the policy", (_, t) => {
    expect(AUDIT_EVENTS[t.audit].label).toMatch(/\p{L}/u);
    // biome-ignore lint/performance/noDynamicNamespaceImportAccess: a test, looking predicates up by name
    expect(typeof policy[t.policy]).toBe("function");
  });

  it("labels every status in French", () => {
    for (const s of GRANT_STATUSES) expect(GRANT_STATUS_LABELS[s]).toMatch(/\p{L}/u);
    for (const s of REPORT_STATUSES) expect(REPORT_STATUS_LABELS[s]).toMatch(/\p{L}/u);
    for (const s of INSTALMENT_STATUSES) expect(INSTALMENT_STATUS_LABELS[s]).toMatch(/\p{L}/u);
  });

  it("signs an agreement once, and sends a report again only when it was sent back", () => {
    expect(GRANT_STATUSES.filter((s) => grantAllows("signAgreement", s))).toEqual(["agreement_sent"]);
    expect(reportAllows("submitReport", null)).toBe(true);
    expect(REPORT_STATUSES.filter((s) => reportAllows("submitReport", s))).toEqual(["changes_requested"]);
    expect(REPORT_STATUSES.filter((s) => reportAllows("acceptReport", s))).toEqual(["submitted"]);
  });
});
