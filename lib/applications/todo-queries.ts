import "server-only";
import type { Database } from "@/db/client";
import {
  applicationsOfOrganisations,
  documentStates,
  documentsOf,
  findApplication,
  loadApplicationForm,
} from "./queries";
import { isBeforeDeadline, missingItems } from "./rules";
import { applicantTodos, type TodoItem } from "./todo";

type Reader = Pick<Database, "select">;

/**
 * The to-do list of the user's organisations. An application waits for an
 * answer exactly while it is « information requested » (a request sets it, an
 * answer or the thread's closing ends it). The missing items of each draft of
 * an open call come from the same check as the verification page.
 */
export async function todoFor(db: Reader, organisationIds: number[], now = new Date()): Promise<TodoItem[]> {
  const list = await applicationsOfOrganisations(db, organisationIds);
  const sources = await Promise.all(
    list.map(async (a) => {
      let missingCount: number | null = null;
      if (a.status === "draft" && isBeforeDeadline(now, a.callClosesAt)) {
        const loaded = await findApplication(db, a.id);
        if (loaded) {
          const [form, slots] = await Promise.all([
            loadApplicationForm(db, loaded.application),
            documentsOf(db, loaded.call.id, a.id),
          ]);
          missingCount = missingItems(form, loaded.call, documentStates(slots)).length;
        }
      }
      return {
        id: a.id,
        title: a.title,
        status: a.status,
        callTitle: a.callTitle,
        callClosesAt: a.callClosesAt,
        callResultsPublishedAt: a.callResultsPublishedAt,
        awaitingAnswer: a.status === "information_requested",
        missingCount,
      };
    }),
  );
  return applicantTodos(sources, now);
}
