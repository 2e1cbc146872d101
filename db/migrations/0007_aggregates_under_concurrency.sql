-- Two reviewers submitting at the same moment each wrote their review in their
-- own transaction: each trigger recomputed the application's aggregates from a
-- snapshot without the other's uncommitted review, and the second UPDATE, once
-- the first committed, wrote its stale count (review_count 1 instead of 2).
-- The refresh now locks the applications' rows first (in id order, so two
-- refreshes never deadlock), then computes in a new statement: under READ
-- COMMITTED that statement's snapshot includes whatever the previous lock
-- holder committed. Bulk loads still skip the refresh (migration 0006).
CREATE OR REPLACE FUNCTION lock_and_refresh_application_scores(ids uuid[]) RETURNS void
LANGUAGE plpgsql AS $$
BEGIN
  PERFORM 1 FROM applications WHERE id = ANY(ids) ORDER BY id FOR NO KEY UPDATE;
  PERFORM refresh_application_scores(ids);
END;
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION reviews_refresh_scores() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF current_setting('app.bulk_load', true) = 'on' THEN
    RETURN NULL;
  END IF;
  PERFORM lock_and_refresh_application_scores(array(SELECT DISTINCT application_id FROM changed_reviews));
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION scores_refresh_scores() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF current_setting('app.bulk_load', true) = 'on' THEN
    RETURN NULL;
  END IF;
  PERFORM lock_and_refresh_application_scores(array(
    SELECT DISTINCT r.application_id FROM changed_scores s JOIN reviews r ON r.id = s.review_id
  ));
  RETURN NULL;
END;
$$;
--> statement-breakpoint
-- Repair what the race may already have left behind.
SELECT refresh_application_scores(array(SELECT DISTINCT application_id FROM reviews));
