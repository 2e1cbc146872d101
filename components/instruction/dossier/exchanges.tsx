import { CloseThreadForm, InformationRequestForm } from "@/components/information-requests/staff-forms";
import { ThreadView } from "@/components/information-requests/thread-view";
import type { ApplicationCore } from "@/lib/applications/read-model";
import {
  canCloseInformationRequest,
  canFollowUpInformationRequest,
  canRequestInformation,
  type ReviewAssignment,
} from "@/lib/authz/policy";
import type { Principal } from "@/lib/authz/principal";
import { closeInformationRequest, requestInformation } from "@/lib/information-requests/actions";
import type { threadsOf } from "@/lib/information-requests/queries";
import { DossierSection } from "./section";

/** The information requests and their answers, with the forms the reader may use on each. */
export function ExchangesSection({
  user,
  assignment,
  core,
  threads,
  downloadDocuments,
}: {
  user: Principal;
  assignment: ReviewAssignment;
  core: ApplicationCore;
  threads: Awaited<ReturnType<typeof threadsOf>>;
  downloadDocuments: boolean;
}) {
  return (
    <DossierSection id="echanges" title="Échanges avec le porteur">
      {threads.length === 0 ? <p className="mt-2">Aucun échange.</p> : null}
      <div className="mt-2 flex flex-col gap-4">
        {threads.map((thread, index) => {
          const state = { closed: thread.closedAt !== null };
          const followUp = canFollowUpInformationRequest(user, assignment, core.status, state);
          const close = canCloseInformationRequest(user, assignment, core.status, state);
          return (
            <ThreadView
              key={thread.id}
              thread={thread}
              index={index}
              side="staff"
              canDownload={downloadDocuments}
            >
              {followUp ? (
                <InformationRequestForm
                  action={requestInformation}
                  applicationId={core.id}
                  threadId={thread.id}
                />
              ) : null}
              {close ? (
                <CloseThreadForm
                  action={closeInformationRequest}
                  applicationId={core.id}
                  threadId={thread.id}
                />
              ) : null}
            </ThreadView>
          );
        })}
      </div>
      {canRequestInformation(user, assignment, core.status) ? (
        <div className="mt-4">
          <InformationRequestForm action={requestInformation} applicationId={core.id} />
        </div>
      ) : null}
    </DossierSection>
  );
}
