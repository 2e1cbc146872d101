"use server";

import { and, eq, inArray, max, notInArray, sql } from "drizzle-orm";
import { redirect } from "next/navigation";
import { getDb } from "@/db/client";
import { attachments, followupPosts, milestones, newsIssues, progressReports } from "@/db/schema";
import { permit, refuse, runAction } from "@/lib/actions/pipeline";
import { type AuditEntry, recordAudit } from "@/lib/audit";
import {
  canAccessNetworkSpace,
  canEditFollowup,
  canEditFollowupPost,
  canEditNetworkContent,
  followupNetworkFor,
} from "@/lib/authz/policy";
import type { Principal } from "@/lib/authz/principal";
import { referencedImageIds, renderMarkdown } from "@/lib/markdown/render";
import { findPublishedLaureate, projectRegionCodes } from "@/lib/networks/queries";
import { invalidatePublicContent } from "@/lib/public/cache";
import { type ActionResult, fail, ok } from "@/lib/result";
import { findIssue, findMilestone, findPost, findReport } from "./queries";
import { normaliseProgress, publicationTarget, UNPUBLISHABLE_FROM } from "./rules";
import {
  bodySchema,
  createIssueSchema,
  createMilestoneSchema,
  featureReportSchema,
  issueIdSchema,
  milestoneIdSchema,
  milestoneSchema,
  parseParisDateTime,
  postFieldsSchema,
  postIdSchema,
  postTargetSchema,
  publishPostSchema,
} from "./schema";

const FORBIDDEN =
  "Vous ne pouvez pas modifier le suivi de ce projet\u00a0: il n’est pas dans la région de votre réseau.";
const NOT_FOUND = "Cette page n’existe plus.";
const INVALID = "Le formulaire contient une erreur.";
const MILESTONE_GONE = "Cette étape n’existe plus.";
const REPORT_GONE = "Ce rapport n’existe plus.";
const ISSUE_GONE = "Ce numéro n’existe plus.";
const NOT_YOUR_ISSUE = "Ce numéro n’est pas celui de votre réseau.";
const NOT_A_LAUREATE = "Ce projet n’est pas un lauréat publié.";
const MILESTONE_FIELDS = ["label", "plannedDate", "status", "progressPercent"];

/**
 * Project follow-up and network pages changed: the network space's pages
 * given (returned for the pipeline to revalidate) and every public page.
 */
function refreshed(paths: string[]) {
  invalidatePublicContent();
  return paths;
}

/** The région codes of the project a post is about (null for a general post), for canEditFollowupPost. */
async function postScope(post: { networkId: string; applicationId: string | null }) {
  const projectRegions = post.applicationId ? await projectRegionCodes(getDb(), post.applicationId) : null;
  return { networkId: post.networkId, projectRegionCodes: projectRegions };
}

/** The page, if it still exists and the user may edit it. */
async function editablePost(user: Principal, postId: string) {
  const post = await findPost(getDb(), postId);
  if (!post) refuse.notFound(NOT_FOUND);
  if (!canEditFollowupPost(user, await postScope(post))) refuse.forbidden(FORBIDDEN);
  return post;
}

/** The milestone, if it still exists and the user edits its project's follow-up. */
async function editableMilestone(user: Principal, milestoneId: string) {
  const milestone = await findMilestone(getDb(), milestoneId);
  if (!milestone) refuse.notFound(MILESTONE_GONE);
  const regions = await projectRegionCodes(getDb(), milestone.applicationId);
  if (!canEditFollowup(user, milestone.networkId, regions)) refuse.forbidden(FORBIDDEN);
  return milestone;
}

/** The news issue, if it still exists and belongs to the user's network. */
async function editableIssue(user: Principal, issueId: string) {
  const issue = await findIssue(getDb(), issueId);
  if (!issue) refuse.notFound(ISSUE_GONE);
  if (!canEditNetworkContent(user, issue.networkId)) refuse.forbidden(NOT_YOUR_ISSUE);
  return issue;
}

/** The network through which the user follows this published laureate, if any. */
async function followingNetwork(user: Principal, applicationId: string) {
  if (!(await findPublishedLaureate(getDb(), applicationId))) refuse.notFound(NOT_A_LAUREATE);
  const regions = await projectRegionCodes(getDb(), applicationId);
  const network = followupNetworkFor(user, regions);
  if (!network || !canEditFollowup(user, network.networkId, regions)) refuse.forbidden(FORBIDDEN);
  return network;
}

/** The audit of an issue published or withdrawn with its pages: one event for the issue, one per page. */
function issueAudit(
  actorId: string,
  issue: { id: string; number: number },
  posts: { id: string; status?: string }[],
  verb: "published" | "unpublished",
): AuditEntry[] {
  return [
    {
      actorId,
      action: `news_issue.${verb}`,
      subjectType: "news_issue",
      subjectId: issue.id,
      data: { number: issue.number, posts: posts.map((p) => p.id) },
    },
    ...posts.map((p) => ({
      actorId,
      action: `followup_post.${verb}` as const,
      subjectType: "followup_post",
      subjectId: p.id,
      data: p.status ? { from: p.status, newsIssueId: issue.id } : { newsIssueId: issue.id },
    })),
  ];
}

/** Live preview of the Markdown editor: exactly what the public page will show (sanitised on the server). */
export async function previewMarkdown(
  _prev: ActionResult<{ html: string }> | null,
  formData: FormData,
): Promise<ActionResult<{ html: string }>> {
  return runAction(formData, {
    name: "previewMarkdown",
    access: (user) => permit(canAccessNetworkSpace(user), "Réservé aux éditeurs des réseaux régionaux."),
    input: {
      schema: bodySchema,
      read: (form) => form.get("bodyMd") ?? "",
      invalid: "Le texte est trop long (50 000 caractères au plus).",
    },
    run: async ({ input }) => ok({ html: renderMarkdown(input, { images: true }) }),
  });
}

/**
 * Creates a draft page: about a project of the network's région (the network
 * is the user's network of that région), in a news issue of the user's
 * network, or both. Then opens its editor.
 */
export async function createFollowupPost(
  _prev: ActionResult | null,
  formData: FormData,
): Promise<ActionResult> {
  return runAction(formData, {
    name: "createFollowupPost",
    key: { schema: postTargetSchema, fields: ["applicationId", "newsIssueId"], notFound: NOT_A_LAUREATE },
    access: async (user, { applicationId, newsIssueId }) => {
      const db = getDb();
      const issue = newsIssueId ? await findIssue(db, newsIssueId) : null;
      if (newsIssueId && !issue) refuse.notFound(ISSUE_GONE);
      let networkId = issue?.networkId ?? null;
      if (applicationId) {
        if (!(await findPublishedLaureate(db, applicationId))) refuse.notFound(NOT_A_LAUREATE);
        const regions = await projectRegionCodes(db, applicationId);
        networkId ??= followupNetworkFor(user, regions)?.networkId ?? null;
        permit(Boolean(networkId) && canEditFollowup(user, networkId as string, regions), FORBIDDEN);
      } else {
        permit(Boolean(networkId) && canEditNetworkContent(user, networkId as string), NOT_YOUR_ISSUE);
      }
      return { networkId: networkId as string };
    },
    input: { schema: postFieldsSchema, read: ["title", "bodyMd"] },
    run: async ({ user, key: { applicationId, newsIssueId }, resource: { networkId }, input: data }) => {
      const id = await getDb().transaction(async (tx) => {
        const [row] = await tx
          .insert(followupPosts)
          .values({
            networkId,
            applicationId: applicationId ?? null,
            newsIssueId: newsIssueId ?? null,
            title: data.title,
            bodyMd: data.bodyMd,
            authorId: user.id,
          })
          .returning({ id: followupPosts.id });
        if (!row) throw new Error("insert returned nothing");
        await recordAudit(tx, {
          actorId: user.id,
          action: "followup_post.created",
          subjectType: "followup_post",
          subjectId: row.id,
          data: { networkId, applicationId: applicationId ?? null, newsIssueId: newsIssueId ?? null },
        });
        return row.id;
      });
      redirect(`/reseau/pages/${id}`);
    },
  });
}

/** Saves a page's title and text. Images must be the page's own uploads. A published page changes at once. */
export async function updateFollowupPost(
  _prev: ActionResult | null,
  formData: FormData,
): Promise<ActionResult> {
  return runAction(formData, {
    name: "updateFollowupPost",
    key: { schema: postIdSchema, fields: ["postId"], notFound: NOT_FOUND },
    access: (user, { postId }) => editablePost(user, postId),
    input: { schema: postFieldsSchema, read: ["title", "bodyMd"] },
    run: async ({ user, resource: post, input: data }) => {
      const db = getDb();
      const images = referencedImageIds(data.bodyMd);
      if (images.length > 0) {
        const own = await db
          .select({ id: attachments.id })
          .from(attachments)
          .where(and(eq(attachments.followupPostId, post.id), inArray(attachments.id, images)));
        if (own.length !== images.length) {
          return fail("invalid", INVALID, {
            bodyMd: ["Une image du texte n’appartient pas à cette page\u00a0: déposez-la ici."],
          });
        }
      }
      await db.transaction(async (tx) => {
        await tx
          .update(followupPosts)
          .set({ title: data.title, bodyMd: data.bodyMd, updatedAt: sql`now()` })
          .where(eq(followupPosts.id, post.id));
        await recordAudit(tx, {
          actorId: user.id,
          action: "followup_post.updated",
          subjectType: "followup_post",
          subjectId: post.id,
          data: { status: post.status },
        });
      });
      return ok(undefined);
    },
    revalidate: ({ resource: post }) => refreshed([`/reseau/pages/${post.id}`]),
  });
}

/**
 * Publishes a page now, or schedules it (a future Paris date and time). A
 * page of a news issue is published with its issue, not alone.
 */
export async function publishFollowupPost(
  _prev: ActionResult | null,
  formData: FormData,
): Promise<ActionResult> {
  return runAction(formData, {
    name: "publishFollowupPost",
    key: { schema: postIdSchema, fields: ["postId"], notFound: NOT_FOUND },
    access: (user, { postId }) => editablePost(user, postId),
    input: { schema: publishPostSchema.omit({ postId: true }), read: ["publishAt"] },
    run: async ({ user, resource: post, input: data }) => {
      const db = getDb();
      if (post.newsIssueId) {
        return fail("in_issue", "Cette page paraît dans un numéro\u00a0: elle sera publiée avec lui.");
      }
      if (!post.bodyMd.trim()) return fail("empty", "Rédigez la page avant de la publier.");
      const now = new Date();
      const publishAt = data.publishAt ? parseParisDateTime(data.publishAt) : null;
      const target = publicationTarget(publishAt, now);
      await db.transaction(async (tx) => {
        await tx
          .update(followupPosts)
          .set(
            target === "published"
              ? { status: "published", publishAt: null, publishedAt: sql`now()`, updatedAt: sql`now()` }
              : { status: "scheduled", publishAt, publishedAt: null, updatedAt: sql`now()` },
          )
          .where(eq(followupPosts.id, post.id));
        await recordAudit(tx, {
          actorId: user.id,
          action: target === "published" ? "followup_post.published" : "followup_post.scheduled",
          subjectType: "followup_post",
          subjectId: post.id,
          data: {
            from: post.status,
            publishAt: publishAt?.toISOString() ?? null,
            applicationId: post.applicationId,
          },
        });
      });
      return ok(undefined);
    },
    revalidate: ({ resource: post }) => refreshed([`/reseau/pages/${post.id}`]),
  });
}

/** Withdraws a published (or scheduled) page from the public site; audited. */
export async function unpublishFollowupPost(
  _prev: ActionResult | null,
  formData: FormData,
): Promise<ActionResult> {
  return runAction(formData, {
    name: "unpublishFollowupPost",
    key: { schema: postIdSchema, fields: ["postId"], notFound: NOT_FOUND },
    access: (user, { postId }) => editablePost(user, postId),
    run: async ({ user, resource: post }) => {
      const done = await getDb().transaction(async (tx) => {
        const rows = await tx
          .update(followupPosts)
          .set({ status: "unpublished", updatedAt: sql`now()` })
          .where(and(eq(followupPosts.id, post.id), inArray(followupPosts.status, [...UNPUBLISHABLE_FROM])))
          .returning({ id: followupPosts.id });
        if (rows.length === 0) return false;
        await recordAudit(tx, {
          actorId: user.id,
          action: "followup_post.unpublished",
          subjectType: "followup_post",
          subjectId: post.id,
          data: { from: post.status, applicationId: post.applicationId },
        });
        return true;
      });
      if (!done) return fail("not_published", "Cette page n’est pas publiée.");
      return ok(undefined);
    },
    revalidate: ({ resource: post }) => refreshed([`/reseau/pages/${post.id}`]),
  });
}

/** Adds a milestone to a project of the network's région (shown on the public project page at once). */
export async function createMilestone(_prev: ActionResult | null, formData: FormData): Promise<ActionResult> {
  return runAction(formData, {
    name: "createMilestone",
    key: {
      schema: createMilestoneSchema.pick({ applicationId: true }),
      fields: ["applicationId"],
      notFound: NOT_A_LAUREATE,
    },
    access: (user, { applicationId }) => followingNetwork(user, applicationId),
    input: { schema: milestoneSchema, read: MILESTONE_FIELDS },
    run: async ({ user, key: { applicationId }, resource: network, input: data }) => {
      await getDb().transaction(async (tx) => {
        const [last] = await tx
          .select({ position: max(milestones.position) })
          .from(milestones)
          .where(eq(milestones.applicationId, applicationId));
        const [row] = await tx
          .insert(milestones)
          .values({
            applicationId,
            networkId: network.networkId,
            label: data.label,
            plannedDate: data.plannedDate ?? null,
            status: data.status,
            progressPercent: normaliseProgress(data.status, data.progressPercent),
            position: (last?.position ?? -1) + 1,
            createdBy: user.id,
          })
          .returning({ id: milestones.id });
        if (!row) throw new Error("insert returned nothing");
        await recordAudit(tx, {
          actorId: user.id,
          action: "milestone.created",
          subjectType: "milestone",
          subjectId: row.id,
          data: { applicationId, status: data.status, progressPercent: data.progressPercent },
        });
      });
      return ok(undefined);
    },
    revalidate: ({ key: { applicationId } }) => refreshed([`/reseau/projets/${applicationId}`]),
  });
}

export async function updateMilestone(_prev: ActionResult | null, formData: FormData): Promise<ActionResult> {
  return runAction(formData, {
    name: "updateMilestone",
    key: { schema: milestoneIdSchema, fields: ["milestoneId"], notFound: MILESTONE_GONE },
    access: (user, { milestoneId }) => editableMilestone(user, milestoneId),
    input: { schema: milestoneSchema, read: MILESTONE_FIELDS },
    run: async ({ user, resource: milestone, input: data }) => {
      await getDb().transaction(async (tx) => {
        await tx
          .update(milestones)
          .set({
            label: data.label,
            plannedDate: data.plannedDate ?? null,
            status: data.status,
            progressPercent: normaliseProgress(data.status, data.progressPercent),
            updatedAt: sql`now()`,
          })
          .where(eq(milestones.id, milestone.id));
        await recordAudit(tx, {
          actorId: user.id,
          action: "milestone.updated",
          subjectType: "milestone",
          subjectId: milestone.id,
          data: { from: milestone.status, to: data.status, progressPercent: data.progressPercent },
        });
      });
      return ok(undefined);
    },
    revalidate: ({ resource: milestone }) => refreshed([`/reseau/projets/${milestone.applicationId}`]),
  });
}

export async function deleteMilestone(_prev: ActionResult | null, formData: FormData): Promise<ActionResult> {
  return runAction(formData, {
    name: "deleteMilestone",
    key: { schema: milestoneIdSchema, fields: ["milestoneId"], notFound: MILESTONE_GONE },
    access: (user, { milestoneId }) => editableMilestone(user, milestoneId),
    run: async ({ user, resource: milestone }) => {
      await getDb().transaction(async (tx) => {
        await tx.delete(milestones).where(eq(milestones.id, milestone.id));
        await recordAudit(tx, {
          actorId: user.id,
          action: "milestone.deleted",
          subjectType: "milestone",
          subjectId: milestone.id,
          data: { applicationId: milestone.applicationId, label: milestone.label },
        });
      });
      return ok(undefined);
    },
    revalidate: ({ resource: milestone }) => refreshed([`/reseau/projets/${milestone.applicationId}`]),
  });
}

/** Creates a draft news issue of the user's network; its number follows the last one. */
export async function createNewsIssue(_prev: ActionResult | null, formData: FormData): Promise<ActionResult> {
  return runAction(formData, {
    name: "createNewsIssue",
    key: {
      schema: createIssueSchema.pick({ networkId: true }),
      fields: ["networkId"],
      notFound: "Réseau introuvable.",
    },
    access: (user, { networkId }) =>
      permit(canEditNetworkContent(user, networkId), "Ce n’est pas votre réseau."),
    input: { schema: createIssueSchema.omit({ networkId: true }), read: ["title", "issueDate"] },
    run: async ({ user, key: { networkId }, input }) => {
      const data = { networkId, ...input };
      const id = await getDb().transaction(async (tx) => {
        // Serialise numbering per network; the unique key (network, number) is the last guard.
        await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`news_issues:${data.networkId}`}))`);
        const [last] = await tx
          .select({ number: max(newsIssues.number) })
          .from(newsIssues)
          .where(eq(newsIssues.networkId, data.networkId));
        const [row] = await tx
          .insert(newsIssues)
          .values({
            networkId: data.networkId,
            number: (last?.number ?? 0) + 1,
            title: data.title,
            issueDate: data.issueDate,
            createdBy: user.id,
          })
          .returning({ id: newsIssues.id, number: newsIssues.number });
        if (!row) throw new Error("insert returned nothing");
        await recordAudit(tx, {
          actorId: user.id,
          action: "news_issue.created",
          subjectType: "news_issue",
          subjectId: row.id,
          data: { networkId: data.networkId, number: row.number },
        });
        return row.id;
      });
      redirect(`/reseau/actualites/${id}`);
    },
  });
}

/** Publishes an issue and all its pages together, in one transaction; each publication is audited. */
export async function publishNewsIssue(
  _prev: ActionResult | null,
  formData: FormData,
): Promise<ActionResult> {
  return runAction(formData, {
    name: "publishNewsIssue",
    key: { schema: issueIdSchema, fields: ["issueId"], notFound: ISSUE_GONE },
    access: (user, { issueId }) => editableIssue(user, issueId),
    run: async ({ user, resource: issue }) => {
      const db = getDb();
      const outcome = await db.transaction(async (tx) => {
        const [locked] = await tx
          .select({ status: newsIssues.status })
          .from(newsIssues)
          .where(eq(newsIssues.id, issue.id))
          .for("update");
        if (!locked || locked.status === "published") return "already" as const;
        const posts = await tx
          .select({ id: followupPosts.id, status: followupPosts.status, bodyMd: followupPosts.bodyMd })
          .from(followupPosts)
          .where(eq(followupPosts.newsIssueId, issue.id));
        if (posts.length === 0) return "empty" as const;
        if (posts.some((p) => !p.bodyMd.trim())) return "blank" as const;
        await tx
          .update(newsIssues)
          .set({ status: "published", publishedAt: sql`now()` })
          .where(eq(newsIssues.id, issue.id));
        await tx
          .update(followupPosts)
          .set({ status: "published", publishAt: null, publishedAt: sql`now()`, updatedAt: sql`now()` })
          .where(eq(followupPosts.newsIssueId, issue.id));
        await recordAudit(tx, issueAudit(user.id, issue, posts, "published"));
        return "done" as const;
      });
      if (outcome === "already") return fail("already_published", "Ce numéro est déjà publié.");
      if (outcome === "empty")
        return fail("empty", "Ajoutez au moins un article avant de publier le numéro.");
      if (outcome === "blank") return fail("blank", "Un article du numéro n’a pas encore de texte.");
      return ok(undefined);
    },
    revalidate: ({ resource: issue }) => refreshed([`/reseau/actualites/${issue.id}`, "/reseau/actualites"]),
  });
}

/** Withdraws an issue and its pages from the public site; audited. */
export async function unpublishNewsIssue(
  _prev: ActionResult | null,
  formData: FormData,
): Promise<ActionResult> {
  return runAction(formData, {
    name: "unpublishNewsIssue",
    key: { schema: issueIdSchema, fields: ["issueId"], notFound: ISSUE_GONE },
    access: (user, { issueId }) => editableIssue(user, issueId),
    run: async ({ user, resource: issue }) => {
      const db = getDb();
      const done = await db.transaction(async (tx) => {
        const rows = await tx
          .update(newsIssues)
          .set({ status: "unpublished" })
          .where(and(eq(newsIssues.id, issue.id), eq(newsIssues.status, "published")))
          .returning({ id: newsIssues.id });
        if (rows.length === 0) return false;
        const posts = await tx
          .update(followupPosts)
          .set({ status: "unpublished", updatedAt: sql`now()` })
          .where(
            and(
              eq(followupPosts.newsIssueId, issue.id),
              notInArray(followupPosts.status, ["draft", "unpublished"]),
            ),
          )
          .returning({ id: followupPosts.id });
        await recordAudit(tx, issueAudit(user.id, issue, posts, "unpublished"));
        return true;
      });
      if (!done) return fail("not_published", "Ce numéro n’est pas publié.");
      return ok(undefined);
    },
    revalidate: ({ resource: issue }) => refreshed([`/reseau/actualites/${issue.id}`, "/reseau/actualites"]),
  });
}

/**
 * Features an excerpt of a laureate's progress report on the public project
 * page (an empty excerpt withdraws it); the editor of the project's région only.
 */
export async function featureProgressReport(
  _prev: ActionResult | null,
  formData: FormData,
): Promise<ActionResult> {
  return runAction(formData, {
    name: "featureProgressReport",
    key: {
      schema: featureReportSchema.pick({ reportId: true }),
      fields: ["reportId"],
      notFound: REPORT_GONE,
    },
    access: async (user, { reportId }) => {
      const report = (await findReport(getDb(), reportId)) ?? refuse.notFound(REPORT_GONE);
      const regions = await projectRegionCodes(getDb(), report.applicationId);
      const network = followupNetworkFor(user, regions);
      permit(Boolean(network) && canEditFollowup(user, network?.networkId as string, regions), FORBIDDEN);
      return { report, network: network as NonNullable<typeof network> };
    },
    input: { schema: featureReportSchema.pick({ excerpt: true }), read: ["excerpt"] },
    run: async ({ user, resource: { report, network }, input: data }) => {
      const excerpt = data.excerpt || null;
      await getDb().transaction(async (tx) => {
        await tx
          .update(progressReports)
          .set(
            excerpt
              ? { featuredExcerpt: excerpt, featuredBy: user.id, featuredAt: sql`now()` }
              : { featuredExcerpt: null, featuredBy: null, featuredAt: null },
          )
          .where(eq(progressReports.id, report.id));
        await recordAudit(tx, {
          actorId: user.id,
          action: excerpt ? "progress_report.featured" : "progress_report.unfeatured",
          subjectType: "progress_report",
          subjectId: report.id,
          data: { applicationId: report.applicationId, networkId: network.networkId },
        });
      });
      return ok(undefined);
    },
    revalidate: ({ resource: { report } }) => refreshed([`/reseau/projets/${report.applicationId}`]),
  });
}
