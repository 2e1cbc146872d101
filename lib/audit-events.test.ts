import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { TRANSITIONS } from "./applications/lifecycle";
import {
  AUDIT_EVENTS,
  AUDIT_FAMILIES,
  auditActionsByFamily,
  auditFields,
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

/**
 * The statements that insert into audit_events by hand (TypeScript checks the
 * details given to recordAudit and the seed's typed events, not SQL): each with
 * its action, resolved from a literal or from the lifecycle table
 * (`${submit.audit}` where `const submit = TRANSITIONS.submit`), and the keys of
 * its details, from `jsonb_build_object('key', …)` or `JSON.stringify({ key… })`.
 */
function sqlWriters() {
  const writers: { file: string; action: string; keys: string[] }[] = [];
  for (const { file, text } of sources()) {
    for (const m of text.matchAll(/insert into audit_events\b/g)) {
      // The statement: up to the end of its row (values (…) or select … from).
      const statement = text.slice(m.index, m.index + 600);
      const literal = /'([a-z_]+\.[a-z_]+)'/.exec(statement)?.[1];
      const fromTable = /\$\{(\w+)\.audit\}/.exec(statement)?.[1];
      const transition = fromTable
        ? new RegExp(`const ${fromTable} = TRANSITIONS\\.(\\w+)`).exec(text)?.[1]
        : undefined;
      const action =
        literal ?? (transition ? TRANSITIONS[transition as keyof typeof TRANSITIONS]?.audit : undefined);
      const built = /jsonb_build_object\(([^)]*)\)/.exec(statement)?.[1];
      const stringified = /JSON\.stringify\(\{([^}]*)\}\)/.exec(statement)?.[1];
      const keys = built
        ? [...built.matchAll(/'(\w+)',/g)].map((k) => k[1] as string)
        : (stringified ?? "")
            .split(",")
            .map((part) => part.split(":")[0]?.trim() ?? "")
            .filter(Boolean);
      writers.push({ file, action: action ?? `(no action found in ${statement.slice(0, 80)})`, keys });
    }
  }
  return writers;
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

  it("declares the details that SQL writes into audit_events", () => {
    const writers = sqlWriters();
    // The submission and the scale generator write their events by hand (a broken scan would pass vacuously).
    expect(writers.map((w) => w.action).sort()).toEqual(
      expect.arrayContaining(["application.submitted", "seed.scale"]),
    );
    for (const writer of writers) {
      expect(isAuditAction(writer.action), `${writer.action} (${writer.file})`).toBe(true);
      expect(writer.keys.length, `${writer.action} (${writer.file}) details`).toBeGreaterThan(0);
      const declared = isAuditAction(writer.action) ? auditFields(writer.action) : [];
      expect(
        writer.keys.filter((key) => !declared.includes(key)),
        `${writer.action} (${writer.file}) writes fields the catalogue does not declare`,
      ).toEqual([]);
    }
  });

  it("declares every field with a known kind, optional ones ending in « ? »", () => {
    const kinds = ["string", "string|null", "number", "number|null", "boolean", "string[]", "json"];
    for (const [action, { fields }] of Object.entries(AUDIT_EVENTS)) {
      for (const [field, kind] of Object.entries(fields as Record<string, string>)) {
        expect(kinds, `${action}.${field}`).toContain(kind.replace(/\?$/, ""));
      }
    }
  });

  it("names an unknown action as such rather than showing it bare", () => {
    expect(auditLabel("review.submitted")).toBe("Évaluation soumise");
    expect(auditLabel("legacy.thing")).toBe("Événement non répertorié (legacy.thing)");
  });
});
