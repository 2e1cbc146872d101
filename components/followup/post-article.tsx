import Link from "next/link";
import { DateTime } from "@/components/public/date-time";
import { Markdown } from "@/components/ui/markdown";
import type { PublicPost } from "@/lib/followup/queries";

/** One public follow-up page: title, date, who wrote it, the sanitised text. */
export function PostArticle({
  post,
  headingLevel = 3,
  showProject = false,
}: {
  post: PublicPost;
  headingLevel?: 2 | 3;
  showProject?: boolean;
}) {
  const Heading = headingLevel === 2 ? "h2" : "h3";
  return (
    <article aria-labelledby={`post-${post.id}`} className="border-l-2 border-blue-france pl-5">
      <Heading id={`post-${post.id}`} className="text-xl">
        {post.title}
      </Heading>
      <p className="mt-1 text-sm text-grey-600">
        <DateTime value={new Date(post.shownAt)} /> · {post.networkName}
        {showProject && post.applicationId && post.projectTitle && (
          <>
            {" "}
            · Projet&nbsp;: <Link href={`/laureats/${post.applicationId}`}>{post.projectTitle}</Link>
          </>
        )}
      </p>
      <Markdown source={post.bodyMd} images className="mt-3 [&_img]:h-auto [&_img]:max-w-full" />
    </article>
  );
}
