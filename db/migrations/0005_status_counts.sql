CREATE TABLE "application_status_counts" (
	"call_id" uuid NOT NULL,
	"status" "application_status" NOT NULL,
	"count" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "application_status_counts_call_id_status_pk" PRIMARY KEY("call_id","status")
);
--> statement-breakpoint
ALTER TABLE "application_status_counts" ADD CONSTRAINT "application_status_counts_call_id_calls_id_fk" FOREIGN KEY ("call_id") REFERENCES "public"."calls"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
-- Per-(call, status) counts of submitted applications, kept exact by
-- statement-level triggers: each statement adds its net deltas with one
-- upsert (rows locked in (call, status) order, so two statements cannot
-- deadlock on them). ENABLE ALWAYS: they also fire during the scale
-- generator's bulk load (session_replication_role = replica).
CREATE OR REPLACE FUNCTION applications_count_statuses() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'TRUNCATE' THEN
    DELETE FROM public.application_status_counts;
    RETURN NULL;
  END IF;
  IF TG_OP = 'INSERT' THEN
    INSERT INTO public.application_status_counts AS c (call_id, status, count)
    SELECT call_id, status, count(*) FROM new_rows WHERE submitted_at IS NOT NULL
    GROUP BY call_id, status ORDER BY call_id, status
    ON CONFLICT (call_id, status) DO UPDATE SET count = c.count + excluded.count;
  ELSIF TG_OP = 'DELETE' THEN
    INSERT INTO public.application_status_counts AS c (call_id, status, count)
    SELECT call_id, status, -count(*) FROM old_rows WHERE submitted_at IS NOT NULL
    GROUP BY call_id, status ORDER BY call_id, status
    ON CONFLICT (call_id, status) DO UPDATE SET count = c.count + excluded.count;
  ELSE
    INSERT INTO public.application_status_counts AS c (call_id, status, count)
    SELECT call_id, status, sum(delta) FROM (
      SELECT call_id, status, 1 AS delta FROM new_rows WHERE submitted_at IS NOT NULL
      UNION ALL
      SELECT call_id, status, -1 FROM old_rows WHERE submitted_at IS NOT NULL
    ) d
    GROUP BY call_id, status HAVING sum(delta) <> 0 ORDER BY call_id, status
    ON CONFLICT (call_id, status) DO UPDATE SET count = c.count + excluded.count;
  END IF;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER applications_count_statuses_insert AFTER INSERT ON applications
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION applications_count_statuses();
--> statement-breakpoint
CREATE TRIGGER applications_count_statuses_update AFTER UPDATE ON applications
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION applications_count_statuses();
--> statement-breakpoint
CREATE TRIGGER applications_count_statuses_delete AFTER DELETE ON applications
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION applications_count_statuses();
--> statement-breakpoint
CREATE TRIGGER applications_count_statuses_truncate AFTER TRUNCATE ON applications
  FOR EACH STATEMENT EXECUTE FUNCTION applications_count_statuses();
--> statement-breakpoint
ALTER TABLE applications ENABLE ALWAYS TRIGGER applications_count_statuses_insert;
--> statement-breakpoint
ALTER TABLE applications ENABLE ALWAYS TRIGGER applications_count_statuses_update;
--> statement-breakpoint
ALTER TABLE applications ENABLE ALWAYS TRIGGER applications_count_statuses_delete;
--> statement-breakpoint
ALTER TABLE applications ENABLE ALWAYS TRIGGER applications_count_statuses_truncate;
--> statement-breakpoint
INSERT INTO application_status_counts (call_id, status, count)
SELECT call_id, status, count(*) FROM applications WHERE submitted_at IS NOT NULL GROUP BY call_id, status;
