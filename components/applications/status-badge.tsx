import { Badge, type BadgeTone } from "@/components/ui/badge";
import { type ApplicationStatus, STATUS_LABELS } from "@/lib/applications/rules";

const TONES: Record<ApplicationStatus, BadgeTone> = {
  draft: "neutral",
  submitted: "info",
  in_review: "info",
  information_requested: "warning",
  accepted: "success",
  rejected: "neutral",
  withdrawn: "neutral",
};

export function ApplicationStatusBadge({ status }: { status: ApplicationStatus }) {
  return <Badge tone={TONES[status]}>{STATUS_LABELS[status]}</Badge>;
}
