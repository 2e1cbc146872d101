import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import {
  AUDIT_EVENTS,
  AUDIT_FAMILIES,
  auditActionsByFamily,
  auditLabel,
  isAuditAction,
} from "./audit-events";

/**
 * recordAudit only compiles with a catalogued action; this test reads the code
 * for the actions written elsewhere (SQL of the submission, the seed, template
 * strings), so that an event without a French label fails here.
 */
function sources() {
  const root = process.cwd();
  const files: string[] = [];
  for (const dir of ["lib", "app", "db"]) {
    for (const entry of readdirSync(path.join(root, dir), { recursive: true }).map(String)) {
      if (!/\.(ts|tsx|sql)$/.test(entry) || entry.includes(".test.")) continue;
      files.push(path.join(root, dir, entry));
    }
  }
  return files.map((file) => ({ file, text: readFileSync(file, "utf8") }));
}

function actionsInCode() {
  const found = new Map<string, string>();
  for (const { file, text } of sources()) {
    // `action: "x.y"` in TypeScript.
    for (const m of text.matchAll(/\baction:\s*"([a-z_]+\.[a-z_]+)"/g)) found.set(m[1] as string, file);
    // `action: cond ? "x.y" : "x.z"`.
    for (const m of text.matchAll(
      /\baction:\s*[^,\n]*\?\s*"([a-z_]+\.[a-z_]+)"\s*:\s*"([a-z_]+\.[a-z_]+)"/g,
    )) {
      found.set(m[1] as string, file);
      found.set(m[2] as string, file);
    }
    // `action: \`family.${verb}\`` with its verbs' union type in the same function.
    for (const m of text.matchAll(/\baction:\s*`([a-z_]+)\.\$\{(\w+)\}`/g)) {
      const union = new RegExp(`\\b${m[2]}:\\s*((?:"[a-z_]+"\\s*\\|?\\s*)+)`).exec(text);
      expect(union, `the verbs of ${m[0]} in ${file} must be a union of literals`).not.toBeNull();
      for (const verb of (union?.[1] ?? "").matchAll(/"([a-z_]+)"/g)) found.set(`${m[1]}.${verb[1]}`, file);
    }
    // SQL inserts into audit_events: `'x.y', '<subject type>'`.
    if (/audit_events/.test(text)) {
      for (const m of text.matchAll(/(?<!set_config\()'([a-z_]+\.[a-z_]+)',\s*'[a-z_]+'/g))
        found.set(m[1] as string, file);
    }
  }
  return found;
}

describe("the audit catalogue", () => {
  it("has a French label for every action the code records", () => {
    const found = actionsInCode();
    // The scan sees the service's main events (a broken scan would pass vacuously).
    for (const known of ["application.submitted", "call.updated", "role.revoked", "news_issue.published"]) {
      expect(found.has(known), `${known} not found in the code`).toBe(true);
    }
    const missing = [...found].filter(([action]) => !isAuditAction(action)).map(([a, f]) => `${a} (${f})`);
    expect(missing).toEqual([]);
  });

  it("gives every catalogued action a label in French, never its key", () => {
    for (const [action, { label }] of Object.entries(AUDIT_EVENTS)) {
      expect(label.trim().length, action).toBeGreaterThan(3);
      expect(label, action).not.toContain(action);
      expect(label, action).not.toMatch(/[a-z]_[a-z]/);
      expect(label, action).not.toContain("'");
    }
  });

  it("puts every action in a family of the « Quoi » filter", () => {
    const grouped = auditActionsByFamily().flatMap((f) => f.actions.map((a) => a.action));
    expect(grouped.sort()).toEqual(Object.keys(AUDIT_EVENTS).sort());
    for (const family of Object.keys(AUDIT_FAMILIES)) {
      expect(
        grouped.some((a) => a.startsWith(`${family}.`)),
        family,
      ).toBe(true);
    }
  });

  it("names an unknown action as such rather than showing it bare", () => {
    expect(auditLabel("review.submitted")).toBe("Évaluation soumise");
    expect(auditLabel("legacy.thing")).toBe("Événement non répertorié (legacy.thing)");
  });
});
