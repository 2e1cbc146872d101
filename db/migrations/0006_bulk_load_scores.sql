-- The scale generator loads reviews and scores 5 000 applications at a time;
-- refreshing the score aggregates after every COPY (twice per batch) was the
-- slowest part of the load. A bulk load sets `app.bulk_load` to 'on' for its
-- transaction (set_config(…, true)), skips these refreshes, and refreshes the
-- aggregates of what it loaded once, at the end (db/seed/scale.ts).
CREATE OR REPLACE FUNCTION reviews_refresh_scores() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF current_setting('app.bulk_load', true) = 'on' THEN
    RETURN NULL;
  END IF;
  PERFORM refresh_application_scores(array(SELECT DISTINCT application_id FROM changed_reviews));
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
  PERFORM refresh_application_scores(array(
    SELECT DISTINCT r.application_id FROM changed_scores s JOIN reviews r ON r.id = s.review_id
  ));
  RETURN NULL;
END;
$$;
