import { describe, expect, it } from "vitest";
import { applicantTodos, type TodoSource } from "./todo";

const now = new Date("2026-03-10T09:00:00Z");
const days = (n: number) => new Date(now.getTime() + n * 86_400_000);
const source = (over: Partial<TodoSource> & Pick<TodoSource, "id" | "status">): TodoSource => ({
  title: `Dossier ${over.id}`,
  callTitle: "Appel 2026",
  callClosesAt: days(10),
  callResultsPublishedAt: null,
  awaitingAnswer: false,
  missingCount: null,
  ...over,
});

describe("applicantTodos", () => {
  it("puts requests first, then drafts by closing date, then decisions", () => {
    const items = applicantTodos(
      [
        source({ id: "late", status: "draft", callClosesAt: days(20), missingCount: 3 }),
        source({ id: "dec", status: "accepted", callClosesAt: days(-60), callResultsPublishedAt: days(-2) }),
        source({ id: "soon", status: "draft", callClosesAt: days(4), missingCount: 1 }),
        source({ id: "req", status: "information_requested", awaitingAnswer: true, callClosesAt: days(-30) }),
      ],
      now,
    );
    expect(items.map((i) => [i.kind, i.applicationId])).toEqual([
      ["answer", "req"],
      ["draft", "soon"],
      ["draft", "late"],
      ["decision", "dec"],
    ]);
  });
  it("says the days left and how many items are missing, in French", () => {
    const [three, one, none] = applicantTodos(
      [
        source({ id: "a", status: "draft", callClosesAt: days(5), missingCount: 3 }),
        source({ id: "b", status: "draft", callClosesAt: days(6), missingCount: 1 }),
        source({ id: "c", status: "draft", callClosesAt: days(7), missingCount: 0 }),
      ],
      now,
    );
    expect(three?.detail).toBe("Clôture dans 5 jours — 3\u00a0éléments manquants.");
    expect(three?.href).toBe("/espace/dossiers/a/verification");
    expect(one?.detail).toBe("Clôture dans 6 jours — 1\u00a0élément manquant.");
    expect(none?.label).toBe("Déposer le brouillon «\u00a0Dossier c\u00a0»");
    expect(none?.href).toBe("/espace/dossiers/c");
  });
  it("leaves out drafts of closed calls, unpublished or old decisions, answered requests", () => {
    const items = applicantTodos(
      [
        source({ id: "closed", status: "draft", callClosesAt: days(-1), missingCount: 2 }),
        source({ id: "hidden", status: "accepted", callResultsPublishedAt: null }),
        source({ id: "future", status: "rejected", callResultsPublishedAt: days(1) }),
        source({ id: "old", status: "accepted", callResultsPublishedAt: days(-31) }),
        source({ id: "answered", status: "in_review", awaitingAnswer: false }),
        source({ id: "withdrawn", status: "withdrawn", awaitingAnswer: true }),
      ],
      now,
    );
    expect(items).toEqual([]);
  });
});
