import { Badge, type BadgeTone } from "@/components/ui/badge";
import { CALL_STATUS_LABELS, type CallStatus } from "@/lib/calls/status";

const TONES: Record<CallStatus, BadgeTone> = {
  open: "success",
  upcoming: "new",
  in_review: "info",
  closed: "neutral",
  results_published: "neutral",
};

export function CallStatusBadge({ status }: { status: CallStatus }) {
  return <Badge tone={TONES[status]}>{CALL_STATUS_LABELS[status]}</Badge>;
}
