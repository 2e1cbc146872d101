import "server-only";
import { and, asc, eq, inArray, isNotNull, isNull, ne } from "drizzle-orm";
import type { Database } from "@/db/client";
import { attachments, messages, users } from "@/db/schema";
import { groupThreads, type Thread } from "./rules";

type Reader = Pick<Database, "select">;

/** The information-request threads of an application with their documents, oldest first. */
export async function threadsOf(db: Reader, applicationId: string): Promise<Thread[]> {
  const rows = await db
    .select({
      id: messages.id,
      kind: messages.kind,
      body: messages.body,
      inReplyTo: messages.inReplyTo,
      closedAt: messages.closedAt,
      createdAt: messages.createdAt,
      authorName: users.name,
    })
    .from(messages)
    .leftJoin(users, eq(users.id, messages.authorId))
    .where(and(eq(messages.applicationId, applicationId), ne(messages.kind, "note")))
    .orderBy(asc(messages.createdAt));
  const files = rows.length
    ? await db
        .select({
          id: attachments.id,
          messageId: attachments.messageId,
          name: attachments.originalName,
          sizeBytes: attachments.sizeBytes,
          sha256: attachments.sha256,
        })
        .from(attachments)
        .where(
          and(
            eq(attachments.applicationId, applicationId),
            isNotNull(attachments.messageId),
            inArray(
              attachments.messageId,
              rows.map((r) => r.id),
            ),
          ),
        )
        .orderBy(asc(attachments.uploadedAt), asc(attachments.originalName))
    : [];
  return groupThreads(
    rows.map((r) => ({
      ...r,
      attachments: files.filter((f) => f.messageId === r.id),
    })),
  );
}

/** One thread's first request of an application: its state for the policy, or null. */
export async function findThread(db: Reader, applicationId: string, threadId: string) {
  const [root] = await db
    .select({ id: messages.id, closedAt: messages.closedAt })
    .from(messages)
    .where(
      and(
        eq(messages.id, threadId),
        eq(messages.applicationId, applicationId),
        eq(messages.kind, "information_request"),
        isNull(messages.inReplyTo),
      ),
    );
  return root ? { id: root.id, closed: root.closedAt !== null } : null;
}
