import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  applyChanges,
  type FormField,
  mergeThreeWay,
  pendingChanges,
  rebase,
  sameValue,
  validateFields,
} from "./merge";
import { type ApplicationForm, emptyApplicationForm } from "./schema";

const base: ApplicationForm = {
  ...emptyApplicationForm,
  title: "Eau potable",
  durationMonths: "12",
  objectives: "Objectifs de départ",
};

describe("validateFields", () => {
  it("keeps the valid fields and names the invalid one with its French message", () => {
    const result = validateFields({
      title: "  Nouveau titre  ",
      objectives: "x".repeat(6000),
      expenses: [{ category: "travel", label: "Missions", amount: "1 000" }],
    });
    expect(result.valid).toEqual({
      title: "Nouveau titre",
      expenses: [{ category: "travel", label: "Missions", amount: "1 000" }],
    });
    expect(result.invalid).toEqual(["objectives"]);
    expect(result.errors.objectives?.[0]).toMatch(/^Les objectifs ne .* pas dépasser 5.?000.caractères\.$/);
  });

  it("gives the path of an invalid line inside a list", () => {
    const result = validateFields({ expenses: [{ category: "travel", label: "", amount: "douze" }] });
    expect(result.invalid).toEqual(["expenses"]);
    expect(Object.keys(result.errors)).toEqual(["expenses.0.amount"]);
  });

  it("ignores keys that are not fields of the form", () => {
    expect(validateFields({ version: 3, title: "Titre" }).valid).toEqual({ title: "Titre" });
  });
});

describe("pendingChanges and sameValue", () => {
  it("lists only the fields that differ", () => {
    expect(pendingChanges(base, { ...base, durationMonths: "18", sdgs: [6] })).toEqual([
      "durationMonths",
      "sdgs",
    ]);
    expect(pendingChanges(base, { ...base })).toEqual([]);
  });

  it("counts an amount typed another way, or spaces around a text, as no change", () => {
    const typed = {
      ...base,
      requestedAmount: "12500",
      expenses: [{ category: "travel" as const, label: "Missions ", amount: "1000" }],
    };
    const stored = {
      ...base,
      requestedAmount: "12\u202f500",
      expenses: [{ category: "travel" as const, label: "Missions", amount: "1\u202f000,00" }],
    };
    expect(pendingChanges(stored, typed)).toEqual([]);
    expect(pendingChanges(stored, { ...typed, requestedAmount: "12501" })).toEqual(["requestedAmount"]);
  });

  it("compares objects whatever the order of their keys", () => {
    expect(sameValue({ a: 1, b: [1, 2] }, { b: [1, 2], a: 1 })).toBe(true);
    expect(sameValue([1, 2], [2, 1])).toBe(false);
  });
});

describe("mergeThreeWay", () => {
  it("takes each side's changes to different fields, without a conflict", () => {
    const mine = { ...base, durationMonths: "18" };
    const theirs = { ...base, title: "Titre de la collègue" };
    expect(mergeThreeWay(base, mine, theirs)).toEqual({
      merged: { ...base, durationMonths: "18", title: "Titre de la collègue" },
      conflicts: [],
    });
  });

  it("reports only the fields both changed differently, keeping theirs", () => {
    const mine = { ...base, title: "Mon titre", durationMonths: "18" };
    const theirs = { ...base, title: "Son titre", objectives: "Leurs objectifs" };
    expect(mergeThreeWay(base, mine, theirs)).toEqual({
      merged: { ...base, title: "Son titre", durationMonths: "18", objectives: "Leurs objectifs" },
      conflicts: ["title"],
    });
  });

  it("does not report a field both changed to the same value", () => {
    const both = { ...base, title: "Même titre" };
    expect(mergeThreeWay(base, both, { ...both }).conflicts).toEqual([]);
  });

  it("counts a field whose base is unknown as changed by both", () => {
    const { title: _, ...partial } = base;
    const result = mergeThreeWay(partial, { ...base, title: "A" }, { ...base, title: "B" });
    expect(result.conflicts).toEqual(["title"]);
  });
});

describe("rebase", () => {
  it("shows a colleague's saved changes on untouched fields and keeps what the user is typing", () => {
    const current = { ...base, objectives: "En cours de frappe" };
    const saved = { ...base, title: "Titre de la collègue", objectives: "Autre chose" };
    expect(rebase(base, current, saved)).toEqual({
      values: { ...base, title: "Titre de la collègue", objectives: "En cours de frappe" },
      updated: ["title"],
    });
  });
});

describe("applyChanges", () => {
  it("saves the valid fields while another is invalid", () => {
    const expenses = [{ category: "travel" as const, label: "Missions", amount: "1 000" }];
    const result = applyChanges({
      saved: base,
      savedVersion: 4,
      baseVersion: 4,
      changes: { objectives: "x".repeat(6000), expenses },
      base: { objectives: base.objectives, expenses: [] },
    });
    expect(result.next).toEqual({ ...base, expenses });
    expect(result.written).toEqual(["expenses"]);
    expect(Object.keys(result.errors)).toEqual(["objectives"]);
  });

  it("merges with a colleague's save instead of overwriting it", () => {
    const saved = { ...base, title: "Titre de la collègue" };
    const result = applyChanges({
      saved,
      savedVersion: 5,
      baseVersion: 4,
      changes: { durationMonths: "18", title: "Mon titre" },
      base: { durationMonths: "12", title: base.title },
    });
    expect(result.next).toEqual({ ...saved, durationMonths: "18" });
    expect(result.conflicts).toEqual([{ field: "title", mine: "Mon titre", theirs: "Titre de la collègue" }]);
    expect(result.merged).toBe(true);
  });
});

/**
 * Two editors make random edits (some invalid) and save at random moments,
 * each with the base it last read, as the browser does. Whatever the order,
 * a valid value saved is never lost: it stays until someone saves another
 * value for that field (a conflict keeps the saved one, an invalid value is
 * never written).
 */
describe("property: random edits with random invalid fields never lose a saved valid field", () => {
  const TEXT_FIELDS = ["title", "summary", "objectives", "durationMonths", "requestedAmount"] as const;
  type TextField = (typeof TEXT_FIELDS)[number];
  const validValue = (field: TextField, n: number) =>
    field === "durationMonths" ? String((n % 60) + 1) : field === "requestedAmount" ? `${n} 000` : `v${n}`;
  const invalidValue = (field: TextField) =>
    field === "durationMonths" ? "99" : field === "requestedAmount" ? "douze euros" : "x".repeat(6000);

  const step = fc.oneof(
    fc.record({
      kind: fc.constant("edit" as const),
      who: fc.integer({ min: 0, max: 1 }),
      field: fc.constantFrom(...TEXT_FIELDS),
      valid: fc.boolean(),
      n: fc.nat(10_000),
    }),
    fc.record({ kind: fc.constant("save" as const), who: fc.integer({ min: 0, max: 1 }) }),
  );

  it("holds for any interleaving of two editors", () => {
    fc.assert(
      fc.property(fc.array(step, { maxLength: 60 }), (steps) => {
        let server = { form: { ...base }, version: 1 };
        const clients = [0, 1].map(() => ({ base: { ...base }, version: 1, current: { ...base } }));
        /** For each field, the value last written by a save (what must never be lost). */
        const written = new Map<FormField, unknown>();
        for (const s of steps) {
          const client = clients[s.who];
          if (!client) continue;
          if (s.kind === "edit") {
            const value = s.valid ? validValue(s.field, s.n) : invalidValue(s.field);
            client.current = { ...client.current, [s.field]: value };
            continue;
          }
          const pending = pendingChanges(client.base, client.current);
          const result = applyChanges({
            saved: server.form,
            savedVersion: server.version,
            baseVersion: client.version,
            changes: Object.fromEntries(pending.map((f) => [f, client.current[f]])),
            base: Object.fromEntries(pending.map((f) => [f, client.base[f]])),
          });
          // Nothing invalid is ever written, and every field not written keeps its saved value.
          for (const field of TEXT_FIELDS) {
            if (result.written.includes(field)) {
              expect(validateFields({ [field]: result.next[field] }).invalid).toEqual([]);
              written.set(field, result.next[field]);
            } else {
              expect(result.next[field]).toEqual(server.form[field]);
            }
          }
          if (result.written.length) server = { form: result.next, version: server.version + 1 };
          // The browser: rebase on the saved form, keeping conflicting fields' old base so they stay unresolved.
          const conflicted = result.conflicts.map((c) => c.field);
          const shown = rebase(client.base, client.current, server.form).values;
          client.base = {
            ...server.form,
            ...Object.fromEntries(conflicted.map((f) => [f, client.base[f]])),
          };
          client.current = shown;
          client.version = server.version;
          for (const [field, value] of written) expect(server.form[field]).toEqual(value);
        }
      }),
      { numRuns: 150 },
    );
  });
});
