/**
 * Pure rules of the follow-up: when a post is public, how milestones add up
 * to a project's progress, and the French labels of their statuses.
 */

export type PublicationStatus = "draft" | "scheduled" | "published" | "unpublished";
export type MilestoneStatus = "planned" | "in_progress" | "done" | "delayed" | "cancelled";

export const POST_STATUS_LABELS: Record<PublicationStatus, string> = {
  draft: "Brouillon",
  scheduled: "Programmée",
  published: "Publiée",
  unpublished: "Dépubliée",
};

export const ISSUE_STATUS_LABELS: Record<PublicationStatus, string> = {
  draft: "Brouillon",
  scheduled: "Programmé",
  published: "Publié",
  unpublished: "Dépublié",
};

export const MILESTONE_STATUS_LABELS: Record<MilestoneStatus, string> = {
  planned: "Prévue",
  in_progress: "En cours",
  done: "Réalisée",
  delayed: "En retard",
  cancelled: "Annulée",
};

export const MILESTONE_STATUSES = Object.keys(MILESTONE_STATUS_LABELS) as MilestoneStatus[];

/** A post is public once published, or once its scheduled time has come (no background job needed). */
export function isPostVisible(post: { status: PublicationStatus; publishAt: Date | null }, now: Date) {
  if (post.status === "published") return true;
  return post.status === "scheduled" && post.publishAt !== null && post.publishAt.getTime() <= now.getTime();
}

/** The status shown to editors: a scheduled post whose time has come reads « Publiée ». */
export function effectivePostStatus(post: { status: PublicationStatus; publishAt: Date | null }, now: Date) {
  return isPostVisible(post, now) ? "published" : post.status;
}

/** What publishing does: publish now, or schedule when a future time is given. */
export function publicationTarget(publishAt: Date | null, now: Date): "published" | "scheduled" {
  return publishAt && publishAt.getTime() > now.getTime() ? "scheduled" : "published";
}

/** Statuses a post may be published (or scheduled) from, and unpublished from. */
export const PUBLISHABLE_FROM: readonly PublicationStatus[] = [
  "draft",
  "scheduled",
  "unpublished",
  "published",
];
export const UNPUBLISHABLE_FROM: readonly PublicationStatus[] = ["published", "scheduled"];

/** A done milestone is complete whatever percentage was typed. */
export function normaliseProgress(status: MilestoneStatus, progressPercent: number) {
  if (status === "done") return 100;
  return Math.max(0, Math.min(100, Math.round(progressPercent)));
}

/**
 * Overall progress of a project, in whole percent: the mean progress of its
 * milestones, cancelled ones left out (done counts 100). Null when there is
 * nothing to measure.
 */
export function overallProgress(milestones: readonly { status: MilestoneStatus; progressPercent: number }[]) {
  const counted = milestones.filter((m) => m.status !== "cancelled");
  if (counted.length === 0) return null;
  const total = counted.reduce((sum, m) => sum + normaliseProgress(m.status, m.progressPercent), 0);
  return Math.round(total / counted.length);
}
