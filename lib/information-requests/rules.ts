/**
 * Information requests as threads. A thread starts with a reviewer's request
 * (a message without `inReplyTo`); every later message of the thread, the
 * applicant's answers and the reviewer's new requests, points to that first
 * request. A thread is closed by a reviewer; while open, it waits for the
 * applicant when its last message is a request, for the reviewer otherwise.
 */

/** Documents an applicant may send with an answer: a signed letter, a corrected budget, a photo. */
export const ANSWER_ACCEPTED_TYPES = [
  "application/pdf",
  "image/jpeg",
  "image/png",
  "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
  "application/vnd.oasis.opendocument.text",
  "application/vnd.oasis.opendocument.spreadsheet",
] as const;

/** At most this many documents in one answer (each up to MAX_UPLOAD_BYTES). */
export const MAX_ANSWER_FILES = 5;
/** Bounds of the texts (the database checks at most 10 000 characters, see messages_body_length). */
export const MAX_ANSWER_CHARS = 10_000;
export const MAX_REQUEST_CHARS = 5_000;

export type ThreadMessage = {
  id: string;
  kind: string;
  body: string;
  inReplyTo: string | null;
  closedAt: Date | null;
  createdAt: Date;
  authorName: string | null;
  attachments: { id: string; name: string; sizeBytes: number; sha256: string }[];
};

export type Thread = {
  id: string;
  openedAt: Date;
  closedAt: Date | null;
  /** Oldest first, the first request included. */
  messages: ThreadMessage[];
  /** Open, and its last message is a request: the applicant has to answer. */
  awaitingAnswer: boolean;
};

/** Groups an application's messages (any order) into threads, oldest thread first; notes are left out. */
export function groupThreads(messages: readonly ThreadMessage[]): Thread[] {
  const sorted = [...messages]
    .filter((m) => m.kind !== "note")
    .sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime());
  const threads = new Map<string, Thread>();
  for (const m of sorted) {
    if (m.inReplyTo === null && m.kind === "information_request") {
      threads.set(m.id, {
        id: m.id,
        openedAt: m.createdAt,
        closedAt: m.closedAt,
        messages: [m],
        awaitingAnswer: false,
      });
    }
  }
  for (const m of sorted) {
    if (m.inReplyTo !== null) threads.get(m.inReplyTo)?.messages.push(m);
  }
  for (const t of threads.values()) {
    const last = t.messages[t.messages.length - 1];
    t.awaitingAnswer = t.closedAt === null && last?.kind === "information_request";
  }
  return [...threads.values()].sort((a, b) => a.openedAt.getTime() - b.openedAt.getTime());
}

/**
 * The documents sent in the answers of these threads, as rows of the
 * application's documents list, each saying which answer it came with.
 */
export function answerDocuments(threads: readonly Thread[]) {
  return threads.flatMap((thread, index) =>
    thread.messages
      .filter((m) => m.kind === "answer")
      .flatMap((m) =>
        m.attachments.map((a) => ({
          id: a.id,
          name: a.name,
          sizeBytes: a.sizeBytes,
          sha256: a.sha256,
          answeredAt: m.createdAt,
          source: `réponse à la demande de compléments n°\u00a0${index + 1}`,
        })),
      ),
  );
}

/** Field errors of an applicant's answer: some text or a document, the text bounded, at most MAX_ANSWER_FILES files. */
export function answerErrors(body: string, fileCount: number): Record<string, string[]> {
  const errors: Record<string, string[]> = {};
  const length = [...body.trim()].length;
  if (length === 0 && fileCount === 0) {
    errors.body = ["Écrivez votre réponse ou joignez au moins un document."];
  } else if (length > MAX_ANSWER_CHARS) {
    errors.body = [
      `La réponse ne doit pas dépasser 10\u00a0000 caractères (elle en compte ${length.toLocaleString("fr-FR").replace(/\s/g, "\u00a0")}).`,
    ];
  }
  if (fileCount > MAX_ANSWER_FILES) {
    errors.files = [`Joignez ${MAX_ANSWER_FILES} documents au plus à une réponse.`];
  }
  return errors;
}
