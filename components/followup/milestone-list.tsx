import { Badge, type BadgeTone } from "@/components/ui/badge";
import { MILESTONE_STATUS_LABELS, type MilestoneStatus, overallProgress } from "@/lib/followup/rules";
import { formatDate } from "@/lib/format";
import { ProgressBar } from "./progress-bar";

const TONES: Record<MilestoneStatus, BadgeTone> = {
  planned: "neutral",
  in_progress: "info",
  done: "success",
  delayed: "warning",
  cancelled: "neutral",
};

type Milestone = {
  id: string;
  label: string;
  plannedDate: string | null;
  status: MilestoneStatus;
  progressPercent: number;
};

/** The overall progress (bar and number) and each milestone with its state in words. */
export function MilestoneSummary({ milestones, headingId }: { milestones: Milestone[]; headingId: string }) {
  const overall = overallProgress(milestones);
  return (
    <div>
      {overall !== null && (
        <div className="mt-3">
          <p id={`${headingId}-overall`} className="font-semibold">
            Avancement global
          </p>
          <ProgressBar value={overall} label="Avancement global du projet" />
        </div>
      )}
      <ol className="mt-4 space-y-3">
        {milestones.map((m) => (
          <li key={m.id} className="flex flex-wrap items-baseline gap-x-3 gap-y-1">
            <span className="font-semibold">{m.label}</span>
            <Badge tone={TONES[m.status]}>{MILESTONE_STATUS_LABELS[m.status]}</Badge>
            <span className="text-sm text-grey-800">
              {m.progressPercent}&nbsp;%
              {m.plannedDate && <> · prévue le {formatDate(new Date(`${m.plannedDate}T12:00:00Z`))}</>}
            </span>
          </li>
        ))}
      </ol>
    </div>
  );
}
