import "server-only";
import { and, asc, desc, eq, inArray, isNotNull, isNull, type SQL, sql } from "drizzle-orm";
import type { Database } from "@/db/client";
import {
  applications,
  attachments,
  calls,
  decisions,
  followupPosts,
  milestones,
  newsIssues,
  progressReports,
  regionalNetworks,
  users,
} from "@/db/schema";
import { publishedLaureateAs } from "@/lib/public/published";
import type { MilestoneStatus, PublicationStatus } from "./rules";

/** A post the public may read: published, or scheduled and its time has come. */
export const postVisible: SQL = sql`(${followupPosts.status} = 'published' or (${followupPosts.status} = 'scheduled' and ${followupPosts.publishAt} <= now()))`;

/** When a visible post appeared (a scheduled post has no published_at until it is edited again). */
const shownAt = sql<Date>`coalesce(${followupPosts.publishedAt}, ${followupPosts.publishAt}, ${followupPosts.createdAt})`;

/**
 * A post about a project is public only while the project is a published
 * laureate (lib/public/published.ts): an unpublished call hides its follow-up too.
 */
const projectStillPublic: SQL = sql`(${followupPosts.applicationId} is null or exists (
  select 1 from ${applications} a join ${calls} c on c.id = a.call_id join ${decisions} d on d.application_id = a.id
  where a.id = ${followupPosts.applicationId} and ${publishedLaureateAs({ call: "c", decision: "d" })}))`;

export type PostRow = {
  id: string;
  networkId: string;
  applicationId: string | null;
  newsIssueId: string | null;
  title: string;
  bodyMd: string;
  status: PublicationStatus;
  publishAt: Date | null;
  publishedAt: Date | null;
  updatedAt: Date;
};

const postColumns = {
  id: followupPosts.id,
  networkId: followupPosts.networkId,
  applicationId: followupPosts.applicationId,
  newsIssueId: followupPosts.newsIssueId,
  title: followupPosts.title,
  bodyMd: followupPosts.bodyMd,
  status: followupPosts.status,
  publishAt: followupPosts.publishAt,
  publishedAt: followupPosts.publishedAt,
  updatedAt: followupPosts.updatedAt,
};

export async function findPost(db: Database, postId: string): Promise<PostRow | null> {
  const [row] = await db.select(postColumns).from(followupPosts).where(eq(followupPosts.id, postId));
  return row ?? null;
}

export type IssueRow = {
  id: string;
  networkId: string;
  number: number;
  title: string;
  issueDate: string;
  status: PublicationStatus;
  publishedAt: Date | null;
};

const issueColumns = {
  id: newsIssues.id,
  networkId: newsIssues.networkId,
  number: newsIssues.number,
  title: newsIssues.title,
  issueDate: newsIssues.issueDate,
  status: newsIssues.status,
  publishedAt: newsIssues.publishedAt,
};

export async function findIssue(db: Database, issueId: string): Promise<IssueRow | null> {
  const [row] = await db.select(issueColumns).from(newsIssues).where(eq(newsIssues.id, issueId));
  return row ?? null;
}

export async function networkIssues(db: Database, networkId: string) {
  return db
    .select({
      ...issueColumns,
      // Qualified by hand: in a one-table select drizzle writes the column bare, and inside the
      // subquery a bare "id" would be the post's own id (every issue counted « 0 article »).
      posts: sql<number>`(select count(*)::int from followup_posts f where f.news_issue_id = "news_issues"."id")`,
    })
    .from(newsIssues)
    .where(eq(newsIssues.networkId, networkId))
    .orderBy(desc(newsIssues.number));
}

/** Posts of an issue (for its editor), with the project each is about. */
export async function issuePosts(db: Database, issueId: string) {
  return db
    .select({ ...postColumns, projectTitle: applications.title })
    .from(followupPosts)
    .leftJoin(applications, eq(applications.id, followupPosts.applicationId))
    .where(eq(followupPosts.newsIssueId, issueId))
    .orderBy(asc(followupPosts.createdAt));
}

/** Posts of one network about one project, newest first (the network space). */
export async function projectPostsForNetwork(db: Database, applicationId: string, networkId: string) {
  return db
    .select({ ...postColumns, issueNumber: newsIssues.number })
    .from(followupPosts)
    .leftJoin(newsIssues, eq(newsIssues.id, followupPosts.newsIssueId))
    .where(and(eq(followupPosts.applicationId, applicationId), eq(followupPosts.networkId, networkId)))
    .orderBy(desc(followupPosts.createdAt));
}

export type MilestoneRow = {
  id: string;
  networkId: string;
  label: string;
  plannedDate: string | null;
  status: MilestoneStatus;
  progressPercent: number;
};

export async function projectMilestones(db: Database, applicationId: string): Promise<MilestoneRow[]> {
  return db
    .select({
      id: milestones.id,
      networkId: milestones.networkId,
      label: milestones.label,
      plannedDate: milestones.plannedDate,
      status: milestones.status,
      progressPercent: milestones.progressPercent,
    })
    .from(milestones)
    .where(eq(milestones.applicationId, applicationId))
    .orderBy(
      asc(milestones.position),
      sql`${milestones.plannedDate} asc nulls last`,
      asc(milestones.createdAt),
    );
}

export async function findMilestone(db: Database, milestoneId: string) {
  const [row] = await db.select().from(milestones).where(eq(milestones.id, milestoneId));
  return row ?? null;
}

/** Images uploaded for a post. */
export async function postImages(db: Database, postId: string) {
  return db
    .select({ id: attachments.id, altText: attachments.altText, originalName: attachments.originalName })
    .from(attachments)
    .where(eq(attachments.followupPostId, postId))
    .orderBy(asc(attachments.uploadedAt));
}

export async function projectReports(db: Database, applicationId: string) {
  return db
    .select({
      id: progressReports.id,
      kind: progressReports.kind,
      position: progressReports.position,
      body: progressReports.body,
      submittedAt: progressReports.submittedAt,
      submittedBy: users.name,
      featuredExcerpt: progressReports.featuredExcerpt,
      featuredAt: progressReports.featuredAt,
    })
    .from(progressReports)
    .leftJoin(users, eq(users.id, progressReports.submittedBy))
    .where(eq(progressReports.applicationId, applicationId))
    .orderBy(desc(progressReports.submittedAt));
}

export async function findReport(db: Database, reportId: string) {
  const [row] = await db.select().from(progressReports).where(eq(progressReports.id, reportId));
  return row ?? null;
}

// ---------------------------------------------------------------- public side
// Results are JSON (dates as ISO strings) so that they can be cached.

export type PublicPost = {
  id: string;
  title: string;
  bodyMd: string;
  shownAt: string;
  networkName: string;
  networkSlug: string;
  applicationId: string | null;
  projectTitle: string | null;
  newsIssueId: string | null;
  issueNumber: number | null;
};

const publicPostColumns = {
  id: followupPosts.id,
  title: followupPosts.title,
  bodyMd: followupPosts.bodyMd,
  shownAt,
  networkName: regionalNetworks.name,
  networkSlug: regionalNetworks.slug,
  applicationId: followupPosts.applicationId,
  projectTitle: applications.title,
  newsIssueId: followupPosts.newsIssueId,
  issueNumber: newsIssues.number,
};

const toPublicPost = (r: { shownAt: Date | string; [key: string]: unknown }): PublicPost => ({
  ...(r as unknown as PublicPost),
  shownAt: new Date(r.shownAt).toISOString(),
});

function publicPosts(db: Database) {
  return db
    .select(publicPostColumns)
    .from(followupPosts)
    .innerJoin(regionalNetworks, eq(regionalNetworks.id, followupPosts.networkId))
    .leftJoin(applications, eq(applications.id, followupPosts.applicationId))
    .leftJoin(newsIssues, eq(newsIssues.id, followupPosts.newsIssueId));
}

export type PublicMilestone = Omit<MilestoneRow, "networkId">;
export type PublicReportExcerpt = {
  id: string;
  kind: "intermediate" | "final";
  excerpt: string;
  featuredAt: string;
};

export type PublicProjectFollowup = {
  posts: PublicPost[];
  milestones: PublicMilestone[];
  excerpts: PublicReportExcerpt[];
};

/** What the public project page shows of a laureate's follow-up (the page checks it is a published laureate). */
export async function publicProjectFollowup(
  db: Database,
  applicationId: string,
): Promise<PublicProjectFollowup> {
  const [posts, milestoneRows, excerpts] = await Promise.all([
    publicPosts(db)
      .where(and(eq(followupPosts.applicationId, applicationId), postVisible))
      .orderBy(desc(shownAt)),
    projectMilestones(db, applicationId),
    db
      .select({
        id: progressReports.id,
        kind: progressReports.kind,
        excerpt: progressReports.featuredExcerpt,
        featuredAt: progressReports.featuredAt,
      })
      .from(progressReports)
      .where(
        and(eq(progressReports.applicationId, applicationId), isNotNull(progressReports.featuredExcerpt)),
      )
      .orderBy(desc(progressReports.featuredAt)),
  ]);
  return {
    posts: posts.map(toPublicPost),
    milestones: milestoneRows.map(({ networkId: _n, ...m }) => m),
    excerpts: excerpts.map((e) => ({
      id: e.id,
      kind: e.kind,
      excerpt: e.excerpt ?? "",
      featuredAt: (e.featuredAt ?? new Date(0)).toISOString(),
    })),
  };
}

/** Latest visible follow-up posts about projects, for a network page's timeline. */
export async function publicNetworkTimeline(
  db: Database,
  networkId: string,
  limit = 20,
): Promise<PublicPost[]> {
  const rows = await publicPosts(db)
    .where(
      and(
        eq(followupPosts.networkId, networkId),
        isNotNull(followupPosts.applicationId),
        postVisible,
        projectStillPublic,
      ),
    )
    .orderBy(desc(shownAt))
    .limit(limit);
  return rows.map(toPublicPost);
}

/** Latest visible posts of every network (the home page's follow-up news). */
export async function publicLatestPosts(db: Database, limit: number): Promise<PublicPost[]> {
  const rows = await publicPosts(db)
    .where(and(postVisible, projectStillPublic))
    .orderBy(desc(shownAt))
    .limit(limit);
  return rows.map(toPublicPost);
}

export type PublicIssue = {
  id: string;
  number: number;
  title: string;
  issueDate: string;
  posts: PublicPost[];
};

/** Published issues of a network, newest first, each with its visible posts. */
export async function publicIssues(db: Database, networkId: string, limit = 50): Promise<PublicIssue[]> {
  const issues = await db
    .select({
      id: newsIssues.id,
      number: newsIssues.number,
      title: newsIssues.title,
      issueDate: newsIssues.issueDate,
    })
    .from(newsIssues)
    .where(and(eq(newsIssues.networkId, networkId), eq(newsIssues.status, "published")))
    .orderBy(desc(newsIssues.issueDate), desc(newsIssues.number))
    .limit(limit);
  if (issues.length === 0) return [];
  const posts = await publicPosts(db)
    .where(
      and(
        inArray(
          followupPosts.newsIssueId,
          issues.map((i) => i.id),
        ),
        postVisible,
        projectStillPublic,
      ),
    )
    .orderBy(asc(followupPosts.createdAt));
  return issues.map((issue) => ({
    ...issue,
    posts: posts.filter((p) => p.newsIssueId === issue.id).map(toPublicPost),
  }));
}

/** Posts of the network not in any issue (project follow-up pages), for the feed. */
export async function publicStandalonePosts(
  db: Database,
  networkId: string,
  limit = 50,
): Promise<PublicPost[]> {
  const rows = await publicPosts(db)
    .where(
      and(
        eq(followupPosts.networkId, networkId),
        isNull(followupPosts.newsIssueId),
        postVisible,
        projectStillPublic,
      ),
    )
    .orderBy(desc(shownAt))
    .limit(limit);
  return rows.map(toPublicPost);
}

/** Whether a follow-up image may be shown to anyone: its post is visible. */
export async function publicImageVisible(db: Database, postId: string) {
  const [row] = await db
    .select({ id: followupPosts.id })
    .from(followupPosts)
    .where(and(eq(followupPosts.id, postId), postVisible, projectStillPublic));
  return Boolean(row);
}
