import { describe, expect, it } from "vitest";
import { answerDocuments, answerErrors, groupThreads, MAX_ANSWER_CHARS, type ThreadMessage } from "./rules";

const at = (minute: number) => new Date(Date.UTC(2026, 2, 1, 9, minute));
const message = (over: Partial<ThreadMessage> & Pick<ThreadMessage, "id" | "kind">): ThreadMessage => ({
  body: "texte",
  inReplyTo: null,
  closedAt: null,
  createdAt: at(0),
  authorName: null,
  attachments: [],
  ...over,
});

describe("groupThreads", () => {
  it("puts answers and new requests in their thread, in order, whatever the input order", () => {
    const threads = groupThreads([
      message({ id: "a2", kind: "answer", inReplyTo: "r1", createdAt: at(4) }),
      message({ id: "r1", kind: "information_request", createdAt: at(1) }),
      message({ id: "a1", kind: "answer", inReplyTo: "r1", createdAt: at(2) }),
      message({ id: "r2", kind: "information_request", inReplyTo: "r1", createdAt: at(3) }),
      message({ id: "n", kind: "note", createdAt: at(5) }),
    ]);
    expect(threads).toHaveLength(1);
    expect(threads[0]?.messages.map((m) => m.id)).toEqual(["r1", "a1", "r2", "a2"]);
    expect(threads[0]?.awaitingAnswer).toBe(false);
  });
  it("waits for the applicant when the last message is a request, not once closed", () => {
    const open = groupThreads([
      message({ id: "r1", kind: "information_request", createdAt: at(1) }),
      message({ id: "a1", kind: "answer", inReplyTo: "r1", createdAt: at(2) }),
      message({ id: "r2", kind: "information_request", inReplyTo: "r1", createdAt: at(3) }),
    ]);
    expect(open[0]?.awaitingAnswer).toBe(true);
    const closed = groupThreads([
      message({ id: "r1", kind: "information_request", createdAt: at(1), closedAt: at(2) }),
    ]);
    expect(closed[0]?.awaitingAnswer).toBe(false);
    expect(closed[0]?.closedAt).toEqual(at(2));
  });
  it("keeps separate threads apart, oldest first", () => {
    const threads = groupThreads([
      message({ id: "r2", kind: "information_request", createdAt: at(5) }),
      message({ id: "r1", kind: "information_request", createdAt: at(1) }),
      message({ id: "a1", kind: "answer", inReplyTo: "r1", createdAt: at(2) }),
    ]);
    expect(threads.map((t) => t.id)).toEqual(["r1", "r2"]);
    expect(threads.map((t) => t.awaitingAnswer)).toEqual([false, true]);
  });
});

describe("answerErrors", () => {
  it("accepts text alone, documents alone, or both", () => {
    expect(answerErrors("Voici la lettre.", 0)).toEqual({});
    expect(answerErrors("", 1)).toEqual({});
    expect(answerErrors("Ci-joint.", 2)).toEqual({});
  });
  it("refuses an empty answer, a text too long and too many files, in French", () => {
    expect(answerErrors("   ", 0).body?.[0]).toContain("joignez au moins un document");
    expect(answerErrors("x".repeat(MAX_ANSWER_CHARS + 1), 0).body?.[0]).toBe(
      "La réponse ne doit pas dépasser 10\u00a0000 caractères (elle en compte 10\u00a0001).",
    );
    expect(answerErrors("x".repeat(MAX_ANSWER_CHARS), 0)).toEqual({});
    expect(answerErrors("ok", 6).files?.[0]).toBe("Joignez 5 documents au plus à une réponse.");
  });
});

describe("answerDocuments", () => {
  it("lists the documents of answers only, with the number of their request", () => {
    const file = (id: string) => ({ id, name: `${id}.pdf`, sizeBytes: 10, sha256: "0".repeat(64) });
    const threads = groupThreads([
      message({ id: "r1", kind: "information_request", createdAt: at(1) }),
      message({ id: "a1", kind: "answer", inReplyTo: "r1", createdAt: at(2), attachments: [file("f1")] }),
      message({ id: "r2", kind: "information_request", createdAt: at(3) }),
      message({
        id: "a2",
        kind: "answer",
        inReplyTo: "r2",
        createdAt: at(4),
        attachments: [file("f2"), file("f3")],
      }),
    ]);
    const docs = answerDocuments(threads);
    expect(docs.map((d) => d.id)).toEqual(["f1", "f2", "f3"]);
    expect(docs[0]?.source).toBe("réponse à la demande de compléments n°\u00a01");
    expect(docs[2]?.source).toBe("réponse à la demande de compléments n°\u00a02");
    expect(docs[1]?.answeredAt).toEqual(at(4));
  });
});
