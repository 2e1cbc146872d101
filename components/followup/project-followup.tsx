import { getDb } from "@/db/client";
import { publicProjectFollowup } from "@/lib/followup/queries";
import { publicCached } from "@/lib/public/cache";
import { MilestoneSummary } from "./milestone-list";
import { PostArticle } from "./post-article";

const cachedFollowup = publicCached(
  (applicationId: string) => publicProjectFollowup(getDb(), applicationId),
  "project-followup",
);

const REPORT_KIND: Record<"intermediate" | "final", string> = {
  intermediate: "Extrait du rapport intermédiaire",
  final: "Extrait du rapport final",
};

/**
 * The follow-up of a laureate on its public page: milestones with the overall
 * progress, the published follow-up pages of its regional network, and the
 * report excerpts the network featured. The page has already checked that
 * the project is a published laureate. Renders nothing when there is no follow-up.
 */
export async function ProjectFollowup({ applicationId }: { applicationId: string }) {
  const { posts, milestones, excerpts } = await cachedFollowup(applicationId);
  if (posts.length === 0 && milestones.length === 0 && excerpts.length === 0) return null;
  return (
    <section aria-labelledby="suivi" className="mt-10">
      <h2 id="suivi" className="text-2xl">
        Suivi du projet
      </h2>
      {milestones.length > 0 && (
        <section aria-labelledby="suivi-etapes" className="mt-4">
          <h3 id="suivi-etapes" className="text-xl">
            Étapes
          </h3>
          <MilestoneSummary milestones={milestones} headingId="suivi-etapes" />
        </section>
      )}
      {excerpts.length > 0 && (
        <section aria-labelledby="suivi-rapports" className="mt-8">
          <h3 id="suivi-rapports" className="text-xl">
            Le mot des porteurs
          </h3>
          {excerpts.map((e) => (
            <figure key={e.id} className="mt-3">
              <blockquote className="border-l-4 border-blue-france pl-4 whitespace-pre-line">
                {e.excerpt}
              </blockquote>
              <figcaption className="mt-1 text-sm text-grey-600">{REPORT_KIND[e.kind]}</figcaption>
            </figure>
          ))}
        </section>
      )}
      {posts.length > 0 && (
        <div className="mt-8 space-y-8">
          {posts.map((post) => (
            <PostArticle key={post.id} post={post} />
          ))}
        </div>
      )}
    </section>
  );
}
