import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { PublishPostForm } from "@/components/followup/forms";
import { PostEditor } from "@/components/followup/post-editor";
import { ActionButton } from "@/components/form/action-button";
import { secondaryButtonClass } from "@/components/form/field";
import { DateTime } from "@/components/public/date-time";
import { Badge } from "@/components/ui/badge";
import { Breadcrumb, type Crumb } from "@/components/ui/breadcrumb";
import { PageContainer } from "@/components/ui/page-container";
import { getDb } from "@/db/client";
import { allowOrForbid, requireUser } from "@/lib/auth/guards";
import { staffPageTitle } from "@/lib/auth/staff-page-title";
import { canAccessNetworkSpace, canEditFollowupPost } from "@/lib/authz/policy";
import { unpublishFollowupPost } from "@/lib/followup/actions";
import { findIssue, findPost } from "@/lib/followup/queries";
import { effectivePostStatus, ISSUE_STATUS_LABELS, POST_STATUS_LABELS } from "@/lib/followup/rules";
import { renderMarkdown } from "@/lib/markdown/render";
import { findPublishedLaureate, projectRegionCodes } from "@/lib/networks/queries";
import { staffRecordTitle } from "@/lib/page-titles";
import { z } from "@/lib/zod";

type Props = { params: Promise<{ id: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { id } = await params;
  return {
    title: await staffPageTitle("Rédiger une page de suivi", async (user) => {
      if (!canAccessNetworkSpace(user)) return "forbidden";
      const parsed = z.guid().safeParse(id);
      if (!parsed.success) return "not-found";
      const db = getDb();
      const post = await findPost(db, parsed.data);
      if (!post) return "not-found";
      const regions = post.applicationId ? await projectRegionCodes(db, post.applicationId) : null;
      if (!canEditFollowupPost(user, { networkId: post.networkId, projectRegionCodes: regions }))
        return "forbidden";
      return staffRecordTitle(post.title, "Page de suivi");
    }),
  };
}

/** The editor of one follow-up page, with its publication controls. */
export default async function PostEditPage({ params }: Props) {
  const { id } = await params;
  const user = await requireUser(`/reseau/pages/${id}`);
  allowOrForbid(canAccessNetworkSpace(user));
  const parsed = z.guid().safeParse(id);
  if (!parsed.success) notFound();
  const db = getDb();
  const post = await findPost(db, parsed.data);
  if (!post) notFound();
  const regions = post.applicationId ? await projectRegionCodes(db, post.applicationId) : null;
  allowOrForbid(canEditFollowupPost(user, { networkId: post.networkId, projectRegionCodes: regions }));
  const [project, issue] = await Promise.all([
    post.applicationId ? findPublishedLaureate(db, post.applicationId) : null,
    post.newsIssueId ? findIssue(db, post.newsIssueId) : null,
  ]);
  const status = effectivePostStatus(post, new Date());
  const crumbs: Crumb[] = [{ href: "/reseau", label: "Espace réseau" }];
  if (issue) crumbs.push({ href: `/reseau/actualites/${issue.id}`, label: `Numéro ${issue.number}` });
  else if (project) crumbs.push({ href: `/reseau/projets/${project.id}`, label: project.title });
  crumbs.push({ label: post.title });

  return (
    <PageContainer>
      <Breadcrumb items={crumbs} />
      <h1 className="text-3xl">Rédiger une page de suivi</h1>
      <p className="mt-2 flex flex-wrap items-center gap-3">
        <span>État&nbsp;:</span>
        <Badge tone={status === "published" ? "success" : "neutral"}>{POST_STATUS_LABELS[status]}</Badge>
        {status === "scheduled" && post.publishAt && (
          <span>
            publication prévue le <DateTime value={post.publishAt} withTime />
          </span>
        )}
        {project && (
          <span>
            · Projet&nbsp;: <Link href={`/laureats/${project.id}`}>{project.title}</Link>
          </span>
        )}
      </p>

      <div className="mt-8">
        <PostEditor
          postId={post.id}
          initialTitle={post.title}
          initialBody={post.bodyMd}
          initialPreview={renderMarkdown(post.bodyMd, { images: true })}
        />
      </div>

      <section aria-labelledby="publication" className="mt-12 max-w-2xl border border-grey-200 p-5">
        <h2 id="publication" className="text-xl">
          Publication
        </h2>
        {issue ? (
          <p className="mt-3">
            Cette page paraît dans le numéro {issue.number} ({ISSUE_STATUS_LABELS[issue.status].toLowerCase()}
            )&nbsp;: elle est publiée et retirée avec lui.{" "}
            <Link href={`/reseau/actualites/${issue.id}`}>Ouvrir le numéro</Link>
          </p>
        ) : (
          <div className="mt-3 flex flex-col gap-6">
            <PublishPostForm postId={post.id} label={status === "published" ? "Republier" : "Publier"} />
            {(post.status === "published" || post.status === "scheduled") && (
              <ActionButton
                action={unpublishFollowupPost}
                values={{ postId: post.id }}
                label="Dépublier"
                className={secondaryButtonClass}
              />
            )}
          </div>
        )}
      </section>
    </PageContainer>
  );
}
