ALTER TABLE "applications" ADD COLUMN "review_count" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "applications" ADD COLUMN "score_mean" double precision;--> statement-breakpoint
ALTER TABLE "applications" ADD COLUMN "score_spread" double precision;--> statement-breakpoint
CREATE INDEX "applications_score_mean_idx" ON "applications" USING btree ("score_mean");--> statement-breakpoint
CREATE INDEX "applications_themes_idx" ON "applications" USING gin ("themes");--> statement-breakpoint
-- French full-text search without accents. unaccent() is only STABLE (it reads
-- its dictionary), so it cannot appear in an index; this wrapper names the
-- dictionary explicitly and is declared IMMUTABLE, the usual way to index it.
-- Names are schema-qualified: index builds run with a restricted search_path.
CREATE OR REPLACE FUNCTION fr_unaccent(value text) RETURNS text
LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT AS $$
  SELECT public.unaccent('public.unaccent'::regdictionary, value)
$$;
--> statement-breakpoint
-- The document searched: French stemming of the unaccented text.
CREATE OR REPLACE FUNCTION fr_search_document(value text) RETURNS tsvector
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT to_tsvector('french'::regconfig, public.fr_unaccent(coalesce(value, '')))
$$;
--> statement-breakpoint
-- Title, summary and "on behalf of" of an application (organisations and
-- partners are searched through their own indexes, see lib/review/queries.ts).
CREATE INDEX "applications_search_idx" ON "applications" USING gin (
  fr_search_document(title || ' ' || summary || ' ' || coalesce(on_behalf_of, ''))
);
--> statement-breakpoint
CREATE INDEX "organisations_search_document_idx" ON "organisations" USING gin (fr_search_document(name));
--> statement-breakpoint
CREATE INDEX "foreign_partners_search_document_idx" ON "foreign_partners" USING gin (fr_search_document(name));
--> statement-breakpoint
CREATE INDEX "operators_search_document_idx" ON "operators" USING gin (fr_search_document(name));
--> statement-breakpoint
CREATE INDEX "applications_call_submitted_idx" ON "applications" ("call_id", "submitted_at");
--> statement-breakpoint
CREATE INDEX "reviewer_assignments_application_id_idx" ON "reviewer_assignments" ("application_id");
--> statement-breakpoint
-- Score aggregates of applications (see applications.review_count): the
-- weighted score of a submitted review is sum(weight * score / max) / sum(weight)
-- * 100, as lib/review/aggregate.ts computes it.
CREATE OR REPLACE FUNCTION refresh_application_scores(ids uuid[]) RETURNS void
LANGUAGE sql AS $$
  WITH weighted AS (
    SELECT r.application_id,
           sum(c.weight * s.score::double precision / s.max_score) / sum(c.weight) * 100 AS score
    FROM reviews r
    JOIN scores s ON s.review_id = r.id
    JOIN criteria c ON c.id = s.criterion_id
    WHERE r.status = 'submitted' AND r.application_id = ANY(ids)
    GROUP BY r.id, r.application_id
  ), summary AS (
    SELECT a.id,
           count(w.score)::int AS review_count,
           avg(w.score) AS score_mean,
           stddev_pop(w.score) AS score_spread
    FROM unnest(ids) AS a(id)
    LEFT JOIN weighted w ON w.application_id = a.id
    GROUP BY a.id
  )
  UPDATE applications a
  SET review_count = summary.review_count, score_mean = summary.score_mean, score_spread = summary.score_spread
  FROM summary
  WHERE a.id = summary.id
    AND (a.review_count, a.score_mean, a.score_spread)
        IS DISTINCT FROM (summary.review_count, summary.score_mean, summary.score_spread)
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION reviews_refresh_scores() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  PERFORM refresh_application_scores(array(SELECT DISTINCT application_id FROM changed_reviews));
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION scores_refresh_scores() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  PERFORM refresh_application_scores(array(
    SELECT DISTINCT r.application_id FROM changed_scores s JOIN reviews r ON r.id = s.review_id
  ));
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER reviews_scores_after_insert AFTER INSERT ON reviews
  REFERENCING NEW TABLE AS changed_reviews FOR EACH STATEMENT EXECUTE FUNCTION reviews_refresh_scores();
--> statement-breakpoint
CREATE TRIGGER reviews_scores_after_update AFTER UPDATE ON reviews
  REFERENCING NEW TABLE AS changed_reviews FOR EACH STATEMENT EXECUTE FUNCTION reviews_refresh_scores();
--> statement-breakpoint
CREATE TRIGGER reviews_scores_after_delete AFTER DELETE ON reviews
  REFERENCING OLD TABLE AS changed_reviews FOR EACH STATEMENT EXECUTE FUNCTION reviews_refresh_scores();
--> statement-breakpoint
CREATE TRIGGER scores_scores_after_insert AFTER INSERT ON scores
  REFERENCING NEW TABLE AS changed_scores FOR EACH STATEMENT EXECUTE FUNCTION scores_refresh_scores();
--> statement-breakpoint
CREATE TRIGGER scores_scores_after_update AFTER UPDATE ON scores
  REFERENCING NEW TABLE AS changed_scores FOR EACH STATEMENT EXECUTE FUNCTION scores_refresh_scores();
--> statement-breakpoint
-- Bulk loads (the scale seed) run with session_replication_role = replica; the
-- aggregates must follow them too.
ALTER TABLE reviews ENABLE ALWAYS TRIGGER reviews_scores_after_insert;
--> statement-breakpoint
ALTER TABLE reviews ENABLE ALWAYS TRIGGER reviews_scores_after_update;
--> statement-breakpoint
ALTER TABLE scores ENABLE ALWAYS TRIGGER scores_scores_after_insert;
--> statement-breakpoint
ALTER TABLE scores ENABLE ALWAYS TRIGGER scores_scores_after_update;
--> statement-breakpoint
SELECT refresh_application_scores(array(SELECT DISTINCT application_id FROM reviews));
