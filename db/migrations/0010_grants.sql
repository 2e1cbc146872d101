CREATE TYPE "public"."grant_status" AS ENUM('agreement_sent', 'agreement_signed', 'closed');--> statement-breakpoint
CREATE TYPE "public"."instalment_status" AS ENUM('waiting', 'due', 'paid', 'cancelled');--> statement-breakpoint
CREATE TYPE "public"."report_status" AS ENUM('submitted', 'changes_requested', 'accepted');--> statement-breakpoint
CREATE TABLE "grant_instalments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"grant_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"year" integer NOT NULL,
	"kind" text NOT NULL,
	"planned_cents" bigint NOT NULL,
	"released_by_report" integer,
	"status" "instalment_status" DEFAULT 'waiting' NOT NULL,
	"released_at" timestamp with time zone,
	"paid_cents" bigint,
	"paid_on" date,
	"payment_reference" text,
	"recorded_by" text,
	"recorded_at" timestamp with time zone,
	CONSTRAINT "grant_instalments_position_key" UNIQUE("grant_id","position"),
	CONSTRAINT "grant_instalments_kind" CHECK ("grant_instalments"."kind" in ('annual', 'balance')),
	CONSTRAINT "grant_instalments_amounts" CHECK ("grant_instalments"."planned_cents" >= 0 and ("grant_instalments"."paid_cents" is null or "grant_instalments"."paid_cents" >= 0)),
	CONSTRAINT "grant_instalments_paid_is_recorded" CHECK ("grant_instalments"."status" <> 'paid' or ("grant_instalments"."paid_cents" is not null and "grant_instalments"."paid_on" is not null and "grant_instalments"."payment_reference" is not null))
);
--> statement-breakpoint
CREATE TABLE "grants" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"application_id" uuid NOT NULL,
	"status" "grant_status" DEFAULT 'agreement_sent' NOT NULL,
	"reference" text NOT NULL,
	"beneficiary_name" text NOT NULL,
	"project_title" text NOT NULL,
	"granted_cents" bigint NOT NULL,
	"years" integer NOT NULL,
	"final_balance_percent" integer NOT NULL,
	"max_share_percent" integer NOT NULL,
	"starts_on" date NOT NULL,
	"duration_months" integer NOT NULL,
	"ends_on" date NOT NULL,
	"report_due_dates" date[] NOT NULL,
	"sent_at" timestamp with time zone DEFAULT now() NOT NULL,
	"sent_by" text,
	"signatory_name" text,
	"signatory_function" text,
	"signed_at" timestamp with time zone,
	"signed_by" text,
	"actual_expenses_cents" bigint,
	"refund_owed_cents" bigint DEFAULT 0 NOT NULL,
	"closed_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "grants_application_id_unique" UNIQUE("application_id"),
	CONSTRAINT "grants_reference_unique" UNIQUE("reference"),
	CONSTRAINT "grants_amount_non_negative" CHECK ("grants"."granted_cents" >= 0 and "grants"."refund_owed_cents" >= 0),
	CONSTRAINT "grants_years_range" CHECK ("grants"."years" between 1 and 3),
	CONSTRAINT "grants_balance_range" CHECK ("grants"."final_balance_percent" between 0 and 50),
	CONSTRAINT "grants_one_due_date_per_report" CHECK (cardinality("grants"."report_due_dates") = "grants"."years"),
	CONSTRAINT "grants_signed_has_signatory" CHECK ("grants"."status" = 'agreement_sent' or ("grants"."signed_at" is not null and "grants"."signatory_name" is not null))
);
--> statement-breakpoint
DROP INDEX "progress_reports_application_id_idx";--> statement-breakpoint
ALTER TABLE "calls" ADD COLUMN "grant_years" integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE "calls" ADD COLUMN "final_balance_percent" integer DEFAULT 20 NOT NULL;--> statement-breakpoint
ALTER TABLE "progress_reports" ADD COLUMN "position" integer;--> statement-breakpoint
-- Reports sent before grants had a schedule: numbered in the order they came.
UPDATE "progress_reports" p SET "position" = n.rn FROM (SELECT id, row_number() OVER (PARTITION BY application_id ORDER BY submitted_at, id) AS rn FROM "progress_reports") n WHERE n.id = p.id;--> statement-breakpoint
ALTER TABLE "progress_reports" ALTER COLUMN "position" SET NOT NULL;--> statement-breakpoint
ALTER TABLE "progress_reports" ADD COLUMN "status" "report_status" DEFAULT 'submitted' NOT NULL;--> statement-breakpoint
ALTER TABLE "progress_reports" ADD COLUMN "results" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "progress_reports" ADD COLUMN "difficulties" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "progress_reports" ADD COLUMN "expenses" jsonb DEFAULT '[]'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "progress_reports" ADD COLUMN "actual_expenses_cents" bigint DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "progress_reports" ADD COLUMN "review_comment" text;--> statement-breakpoint
ALTER TABLE "progress_reports" ADD COLUMN "reviewed_by" text;--> statement-breakpoint
ALTER TABLE "progress_reports" ADD COLUMN "reviewed_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "grant_instalments" ADD CONSTRAINT "grant_instalments_grant_id_grants_id_fk" FOREIGN KEY ("grant_id") REFERENCES "public"."grants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "grant_instalments" ADD CONSTRAINT "grant_instalments_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "grants" ADD CONSTRAINT "grants_application_id_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."applications"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "grants" ADD CONSTRAINT "grants_sent_by_users_id_fk" FOREIGN KEY ("sent_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "grants" ADD CONSTRAINT "grants_signed_by_users_id_fk" FOREIGN KEY ("signed_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "grant_instalments_status_idx" ON "grant_instalments" USING btree ("status");--> statement-breakpoint
CREATE INDEX "grants_status_idx" ON "grants" USING btree ("status");--> statement-breakpoint
ALTER TABLE "progress_reports" ADD CONSTRAINT "progress_reports_reviewed_by_users_id_fk" FOREIGN KEY ("reviewed_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "progress_reports" ADD CONSTRAINT "progress_reports_position_key" UNIQUE("application_id","position");--> statement-breakpoint
ALTER TABLE "calls" ADD CONSTRAINT "calls_grant_years_range" CHECK ("calls"."grant_years" between 1 and 3);--> statement-breakpoint
ALTER TABLE "calls" ADD CONSTRAINT "calls_final_balance_range" CHECK ("calls"."final_balance_percent" between 0 and 50);--> statement-breakpoint
ALTER TABLE "progress_reports" ADD CONSTRAINT "progress_reports_actual_non_negative" CHECK ("progress_reports"."actual_expenses_cents" >= 0);