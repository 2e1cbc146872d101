CREATE TYPE "public"."application_status" AS ENUM('draft', 'submitted', 'in_review', 'information_requested', 'accepted', 'rejected', 'withdrawn');--> statement-breakpoint
CREATE TYPE "public"."budget_line_kind" AS ENUM('expense', 'own_contribution', 'cofinancing');--> statement-breakpoint
CREATE TYPE "public"."decision_outcome" AS ENUM('accepted', 'rejected');--> statement-breakpoint
CREATE TYPE "public"."email_status" AS ENUM('pending', 'sending', 'sent', 'failed');--> statement-breakpoint
CREATE TYPE "public"."foreign_partner_kind" AS ENUM('commune', 'municipality', 'city', 'province', 'region', 'federation_of_municipalities', 'national_park', 'other');--> statement-breakpoint
CREATE TYPE "public"."membership_role" AS ENUM('manager', 'member');--> statement-breakpoint
CREATE TYPE "public"."membership_status" AS ENUM('pending', 'active');--> statement-breakpoint
CREATE TYPE "public"."message_kind" AS ENUM('information_request', 'answer', 'note');--> statement-breakpoint
CREATE TYPE "public"."milestone_status" AS ENUM('planned', 'in_progress', 'done', 'delayed', 'cancelled');--> statement-breakpoint
CREATE TYPE "public"."operator_kind" AS ENUM('ngo', 'association', 'foundation', 'other');--> statement-breakpoint
CREATE TYPE "public"."organisation_kind" AS ENUM('commune', 'epci', 'departement', 'region', 'other');--> statement-breakpoint
CREATE TYPE "public"."participant_role" AS ENUM('co_applicant', 'foreign_partner', 'operator');--> statement-breakpoint
CREATE TYPE "public"."progress_report_kind" AS ENUM('intermediate', 'final');--> statement-breakpoint
CREATE TYPE "public"."publication_status" AS ENUM('draft', 'scheduled', 'published', 'unpublished');--> statement-breakpoint
CREATE TYPE "public"."recommendation" AS ENUM('accept', 'reject', 'reservations');--> statement-breakpoint
CREATE TYPE "public"."review_status" AS ENUM('draft', 'submitted');--> statement-breakpoint
CREATE TYPE "public"."scan_status" AS ENUM('not_scanned', 'clean', 'infected', 'flagged');--> statement-breakpoint
CREATE TYPE "public"."staff_role" AS ENUM('reviewer', 'admin', 'network_editor');--> statement-breakpoint
CREATE TABLE "applications" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"call_id" uuid NOT NULL,
	"lead_organisation_id" integer NOT NULL,
	"on_behalf_of" text,
	"title" text NOT NULL,
	"summary" text DEFAULT '' NOT NULL,
	"objectives" text DEFAULT '' NOT NULL,
	"expected_results" text DEFAULT '' NOT NULL,
	"beneficiaries" text DEFAULT '' NOT NULL,
	"themes" text[] DEFAULT '{}'::text[] NOT NULL,
	"sdgs" integer[] DEFAULT '{}'::integer[] NOT NULL,
	"start_date" date,
	"duration_months" integer,
	"requested_amount_cents" bigint DEFAULT 0 NOT NULL,
	"status" "application_status" DEFAULT 'draft' NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"receipt_number" text,
	"submitted_at" timestamp with time zone,
	"submitted_by" text,
	"withdrawn_at" timestamp with time zone,
	"withdrawal_reason" text,
	"is_fictitious" boolean DEFAULT true NOT NULL,
	"created_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_by" text,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "applications_receipt_number_unique" UNIQUE("receipt_number"),
	CONSTRAINT "applications_requested_non_negative" CHECK ("applications"."requested_amount_cents" >= 0),
	CONSTRAINT "applications_version_positive" CHECK ("applications"."version" > 0),
	CONSTRAINT "applications_duration_range" CHECK ("applications"."duration_months" is null or "applications"."duration_months" between 1 and 60),
	CONSTRAINT "applications_submitted_has_receipt" CHECK (("applications"."status" = 'draft') or ("applications"."status" = 'withdrawn' and "applications"."submitted_at" is null) or ("applications"."receipt_number" is not null and "applications"."submitted_at" is not null))
);
--> statement-breakpoint
CREATE TABLE "attachments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"application_id" uuid,
	"required_document_id" uuid,
	"message_id" uuid,
	"progress_report_id" uuid,
	"followup_post_id" uuid,
	"original_name" text NOT NULL,
	"storage_key" text NOT NULL,
	"content_type" text NOT NULL,
	"size_bytes" bigint NOT NULL,
	"sha256" text NOT NULL,
	"alt_text" text,
	"scan_status" "scan_status" DEFAULT 'not_scanned' NOT NULL,
	"uploaded_by" text,
	"uploaded_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "attachments_storage_key_unique" UNIQUE("storage_key"),
	CONSTRAINT "attachments_size_positive" CHECK ("attachments"."size_bytes" > 0),
	CONSTRAINT "attachments_one_owner" CHECK (num_nonnulls("attachments"."message_id", "attachments"."progress_report_id", "attachments"."followup_post_id") <= 1 and ("attachments"."application_id" is not null or "attachments"."followup_post_id" is not null))
);
--> statement-breakpoint
CREATE TABLE "budget_lines" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"application_id" uuid NOT NULL,
	"kind" "budget_line_kind" NOT NULL,
	"category" text,
	"label" text NOT NULL,
	"amount_cents" bigint NOT NULL,
	"organisation_id" integer,
	"funder_name" text,
	"position" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "budget_lines_amount_non_negative" CHECK ("budget_lines"."amount_cents" >= 0)
);
--> statement-breakpoint
CREATE TABLE "messages" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"application_id" uuid NOT NULL,
	"kind" "message_kind" NOT NULL,
	"body" text NOT NULL,
	"author_id" text,
	"in_reply_to" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "pairings" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"application_id" uuid NOT NULL,
	"organisation_id" integer NOT NULL,
	"foreign_partner_id" uuid NOT NULL,
	CONSTRAINT "pairings_application_pair_key" UNIQUE("application_id","organisation_id","foreign_partner_id")
);
--> statement-breakpoint
CREATE TABLE "participants" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"application_id" uuid NOT NULL,
	"role" "participant_role" NOT NULL,
	"organisation_id" integer,
	"foreign_partner_id" uuid,
	"operator_id" uuid,
	"position" integer DEFAULT 0 NOT NULL,
	"contact_name" text,
	"contact_email" text,
	CONSTRAINT "participants_application_organisation_key" UNIQUE("application_id","organisation_id"),
	CONSTRAINT "participants_application_foreign_partner_key" UNIQUE("application_id","foreign_partner_id"),
	CONSTRAINT "participants_application_operator_key" UNIQUE("application_id","operator_id"),
	CONSTRAINT "participants_reference_matches_role" CHECK (("participants"."role" = 'co_applicant' and "participants"."organisation_id" is not null and "participants"."foreign_partner_id" is null and "participants"."operator_id" is null)
       or ("participants"."role" = 'foreign_partner' and "participants"."foreign_partner_id" is not null and "participants"."organisation_id" is null and "participants"."operator_id" is null)
       or ("participants"."role" = 'operator' and "participants"."operator_id" is not null and "participants"."organisation_id" is null and "participants"."foreign_partner_id" is null))
);
--> statement-breakpoint
CREATE TABLE "audit_events" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "audit_events_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"occurred_at" timestamp with time zone DEFAULT now() NOT NULL,
	"actor_id" text,
	"action" text NOT NULL,
	"subject_type" text NOT NULL,
	"subject_id" text NOT NULL,
	"data" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"ip" "inet"
);
--> statement-breakpoint
CREATE TABLE "accounts" (
	"user_id" text NOT NULL,
	"type" text NOT NULL,
	"provider" text NOT NULL,
	"provider_account_id" text NOT NULL,
	"refresh_token" text,
	"access_token" text,
	"expires_at" integer,
	"token_type" text,
	"scope" text,
	"id_token" text,
	"session_state" text,
	CONSTRAINT "accounts_provider_provider_account_id_pk" PRIMARY KEY("provider","provider_account_id")
);
--> statement-breakpoint
CREATE TABLE "memberships" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" text NOT NULL,
	"organisation_id" integer NOT NULL,
	"role" "membership_role" DEFAULT 'member' NOT NULL,
	"status" "membership_status" DEFAULT 'pending' NOT NULL,
	"invited_by" text,
	"confirmed_by" text,
	"confirmed_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "memberships_user_organisation_key" UNIQUE("user_id","organisation_id")
);
--> statement-breakpoint
CREATE TABLE "rate_limits" (
	"key" text NOT NULL,
	"window_start" timestamp with time zone NOT NULL,
	"count" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "rate_limits_key_window_start_pk" PRIMARY KEY("key","window_start")
);
--> statement-breakpoint
CREATE TABLE "sessions" (
	"session_token" text PRIMARY KEY NOT NULL,
	"user_id" text NOT NULL,
	"expires" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "user_roles" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" text NOT NULL,
	"role" "staff_role" NOT NULL,
	"network_id" uuid,
	"departement_code" text,
	"granted_by" text,
	"granted_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "user_roles_user_role_network_key" UNIQUE NULLS NOT DISTINCT("user_id","role","network_id"),
	CONSTRAINT "user_roles_network_only_for_editors" CHECK (("user_roles"."role" = 'network_editor') = ("user_roles"."network_id" is not null))
);
--> statement-breakpoint
CREATE TABLE "users" (
	"id" text PRIMARY KEY NOT NULL,
	"name" text,
	"email" text NOT NULL,
	"email_verified" timestamp with time zone,
	"image" text,
	"given_name" text,
	"usual_name" text,
	"persona_key" text,
	"is_fictitious" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_sign_in_at" timestamp with time zone,
	CONSTRAINT "users_email_unique" UNIQUE("email"),
	CONSTRAINT "users_persona_key_unique" UNIQUE("persona_key")
);
--> statement-breakpoint
CREATE TABLE "verification_tokens" (
	"identifier" text NOT NULL,
	"token" text NOT NULL,
	"expires" timestamp with time zone NOT NULL,
	CONSTRAINT "verification_tokens_identifier_token_pk" PRIMARY KEY("identifier","token")
);
--> statement-breakpoint
CREATE TABLE "calls" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"slug" text NOT NULL,
	"code" text NOT NULL,
	"year" integer NOT NULL,
	"title" text NOT NULL,
	"description_md" text DEFAULT '' NOT NULL,
	"eligibility_md" text DEFAULT '' NOT NULL,
	"themes" text[] DEFAULT '{}'::text[] NOT NULL,
	"eligible_countries" text[],
	"opens_at" timestamp with time zone NOT NULL,
	"closes_at" timestamp with time zone NOT NULL,
	"max_grant_cents" bigint NOT NULL,
	"max_share_percent" integer NOT NULL,
	"envelope_cents" bigint NOT NULL,
	"reviewers_per_application" integer DEFAULT 2 NOT NULL,
	"last_receipt_seq" integer DEFAULT 0 NOT NULL,
	"results_published_at" timestamp with time zone,
	"is_fictitious" boolean DEFAULT true NOT NULL,
	"created_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "calls_slug_unique" UNIQUE("slug"),
	CONSTRAINT "calls_year_code_key" UNIQUE("year","code"),
	CONSTRAINT "calls_closes_after_opens" CHECK ("calls"."closes_at" > "calls"."opens_at"),
	CONSTRAINT "calls_amounts_non_negative" CHECK ("calls"."max_grant_cents" >= 0 and "calls"."envelope_cents" >= 0),
	CONSTRAINT "calls_max_share_range" CHECK ("calls"."max_share_percent" between 1 and 100),
	CONSTRAINT "calls_reviewers_positive" CHECK ("calls"."reviewers_per_application" between 1 and 10),
	CONSTRAINT "calls_code_format" CHECK ("calls"."code" ~ '^[A-Z0-9]{2,12}$')
);
--> statement-breakpoint
CREATE TABLE "criteria" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"call_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"label" text NOT NULL,
	"help_text" text DEFAULT '' NOT NULL,
	"weight" integer NOT NULL,
	"max_score" integer NOT NULL,
	CONSTRAINT "criteria_call_position_key" UNIQUE("call_id","position"),
	CONSTRAINT "criteria_id_max_score_key" UNIQUE("id","max_score"),
	CONSTRAINT "criteria_weight_positive" CHECK ("criteria"."weight" > 0),
	CONSTRAINT "criteria_max_score_positive" CHECK ("criteria"."max_score" > 0)
);
--> statement-breakpoint
CREATE TABLE "required_documents" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"call_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"label" text NOT NULL,
	"mandatory" boolean DEFAULT true NOT NULL,
	"accepted_types" text[] NOT NULL,
	CONSTRAINT "required_documents_call_position_key" UNIQUE("call_id","position")
);
--> statement-breakpoint
CREATE TABLE "followup_posts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"network_id" uuid NOT NULL,
	"application_id" uuid,
	"news_issue_id" uuid,
	"title" text NOT NULL,
	"body_md" text DEFAULT '' NOT NULL,
	"status" "publication_status" DEFAULT 'draft' NOT NULL,
	"publish_at" timestamp with time zone,
	"published_at" timestamp with time zone,
	"author_id" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "followup_posts_scheduled_has_date" CHECK ("followup_posts"."status" <> 'scheduled' or "followup_posts"."publish_at" is not null)
);
--> statement-breakpoint
CREATE TABLE "milestones" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"application_id" uuid NOT NULL,
	"network_id" uuid NOT NULL,
	"label" text NOT NULL,
	"planned_date" date,
	"status" "milestone_status" DEFAULT 'planned' NOT NULL,
	"progress_percent" integer DEFAULT 0 NOT NULL,
	"position" integer DEFAULT 0 NOT NULL,
	"created_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "milestones_progress_range" CHECK ("milestones"."progress_percent" between 0 and 100)
);
--> statement-breakpoint
CREATE TABLE "news_issues" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"network_id" uuid NOT NULL,
	"number" integer NOT NULL,
	"title" text NOT NULL,
	"issue_date" date NOT NULL,
	"status" "publication_status" DEFAULT 'draft' NOT NULL,
	"published_at" timestamp with time zone,
	"created_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "news_issues_network_number_key" UNIQUE("network_id","number")
);
--> statement-breakpoint
CREATE TABLE "progress_reports" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"application_id" uuid NOT NULL,
	"kind" "progress_report_kind" NOT NULL,
	"body" text NOT NULL,
	"submitted_by" text,
	"submitted_at" timestamp with time zone DEFAULT now() NOT NULL,
	"featured_excerpt" text,
	"featured_by" text,
	"featured_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "email_outbox" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "email_outbox_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"to_address" text NOT NULL,
	"subject" text NOT NULL,
	"text_body" text NOT NULL,
	"html_body" text,
	"template" text NOT NULL,
	"dedupe_key" text,
	"status" "email_status" DEFAULT 'pending' NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"next_attempt_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_error" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"sent_at" timestamp with time zone,
	CONSTRAINT "email_outbox_dedupe_key_unique" UNIQUE("dedupe_key"),
	CONSTRAINT "email_outbox_attempts_non_negative" CHECK ("email_outbox"."attempts" >= 0)
);
--> statement-breakpoint
CREATE TABLE "app_meta" (
	"key" text PRIMARY KEY NOT NULL,
	"value" jsonb NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "foreign_partners" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"kind" "foreign_partner_kind" NOT NULL,
	"country_code" text NOT NULL,
	"is_fictitious" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "foreign_partners_name_country_key" UNIQUE("name","country_code"),
	CONSTRAINT "foreign_partners_country_format" CHECK ("foreign_partners"."country_code" ~ '^[A-Z]{2}$')
);
--> statement-breakpoint
CREATE TABLE "operators" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"kind" "operator_kind" NOT NULL,
	"rna" text,
	"is_fictitious" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "operators_name_key" UNIQUE("name"),
	CONSTRAINT "operators_rna_format" CHECK ("operators"."rna" is null or "operators"."rna" ~ '^W[0-9]{9}$')
);
--> statement-breakpoint
CREATE TABLE "organisations" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "organisations_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"kind" "organisation_kind" NOT NULL,
	"name" text NOT NULL,
	"insee_code" text,
	"siren" text,
	"epci_type" text,
	"departement_code" text,
	"region_code" text,
	"postcodes" text[] DEFAULT '{}'::text[] NOT NULL,
	"population" integer,
	"is_local_authority" boolean NOT NULL,
	"search_name" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "organisations_kind_insee_code_key" UNIQUE("kind","insee_code"),
	CONSTRAINT "organisations_siren_key" UNIQUE("siren"),
	CONSTRAINT "organisations_siren_format" CHECK ("organisations"."siren" is null or "organisations"."siren" ~ '^[0-9]{9}$')
);
--> statement-breakpoint
CREATE TABLE "regional_networks" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"slug" text NOT NULL,
	"name" text NOT NULL,
	"region_code" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"organisation_id" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "regional_networks_slug_unique" UNIQUE("slug")
);
--> statement-breakpoint
CREATE TABLE "decisions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"application_id" uuid NOT NULL,
	"outcome" "decision_outcome" NOT NULL,
	"granted_amount_cents" bigint,
	"rejection_reason" text,
	"decided_by" text,
	"decided_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "decisions_application_id_unique" UNIQUE("application_id"),
	CONSTRAINT "decisions_outcome_fields" CHECK (("decisions"."outcome" = 'accepted' and "decisions"."granted_amount_cents" is not null and "decisions"."granted_amount_cents" > 0 and "decisions"."rejection_reason" is null)
       or ("decisions"."outcome" = 'rejected' and "decisions"."granted_amount_cents" is null and "decisions"."rejection_reason" is not null))
);
--> statement-breakpoint
CREATE TABLE "reviewer_assignments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"application_id" uuid NOT NULL,
	"reviewer_id" text NOT NULL,
	"assigned_by" text,
	"assigned_at" timestamp with time zone DEFAULT now() NOT NULL,
	"conflict_declared_at" timestamp with time zone,
	"conflict_reason" text,
	CONSTRAINT "reviewer_assignments_application_reviewer_key" UNIQUE("application_id","reviewer_id"),
	CONSTRAINT "reviewer_assignments_conflict_has_reason" CHECK (("reviewer_assignments"."conflict_declared_at" is null) = ("reviewer_assignments"."conflict_reason" is null))
);
--> statement-breakpoint
CREATE TABLE "reviews" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"application_id" uuid NOT NULL,
	"reviewer_id" text NOT NULL,
	"status" "review_status" DEFAULT 'draft' NOT NULL,
	"overall_comment" text DEFAULT '' NOT NULL,
	"recommendation" "recommendation",
	"submitted_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "reviews_application_reviewer_key" UNIQUE("application_id","reviewer_id"),
	CONSTRAINT "reviews_submitted_is_complete" CHECK ("reviews"."status" = 'draft' or ("reviews"."submitted_at" is not null and "reviews"."recommendation" is not null))
);
--> statement-breakpoint
CREATE TABLE "scores" (
	"review_id" uuid NOT NULL,
	"criterion_id" uuid NOT NULL,
	"max_score" integer NOT NULL,
	"score" integer NOT NULL,
	"comment" text DEFAULT '' NOT NULL,
	CONSTRAINT "scores_review_id_criterion_id_pk" PRIMARY KEY("review_id","criterion_id"),
	CONSTRAINT "scores_within_range" CHECK ("scores"."score" between 0 and "scores"."max_score")
);
--> statement-breakpoint
ALTER TABLE "applications" ADD CONSTRAINT "applications_call_id_calls_id_fk" FOREIGN KEY ("call_id") REFERENCES "public"."calls"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "applications" ADD CONSTRAINT "applications_lead_organisation_id_organisations_id_fk" FOREIGN KEY ("lead_organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "applications" ADD CONSTRAINT "applications_submitted_by_users_id_fk" FOREIGN KEY ("submitted_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "applications" ADD CONSTRAINT "applications_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "applications" ADD CONSTRAINT "applications_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "attachments" ADD CONSTRAINT "attachments_application_id_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."applications"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "attachments" ADD CONSTRAINT "attachments_required_document_id_required_documents_id_fk" FOREIGN KEY ("required_document_id") REFERENCES "public"."required_documents"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "attachments" ADD CONSTRAINT "attachments_message_id_messages_id_fk" FOREIGN KEY ("message_id") REFERENCES "public"."messages"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "attachments" ADD CONSTRAINT "attachments_progress_report_id_progress_reports_id_fk" FOREIGN KEY ("progress_report_id") REFERENCES "public"."progress_reports"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "attachments" ADD CONSTRAINT "attachments_followup_post_id_followup_posts_id_fk" FOREIGN KEY ("followup_post_id") REFERENCES "public"."followup_posts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "attachments" ADD CONSTRAINT "attachments_uploaded_by_users_id_fk" FOREIGN KEY ("uploaded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "budget_lines" ADD CONSTRAINT "budget_lines_application_id_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."applications"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "budget_lines" ADD CONSTRAINT "budget_lines_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "messages" ADD CONSTRAINT "messages_application_id_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."applications"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "messages" ADD CONSTRAINT "messages_author_id_users_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "messages" ADD CONSTRAINT "messages_in_reply_to_fk" FOREIGN KEY ("in_reply_to") REFERENCES "public"."messages"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pairings" ADD CONSTRAINT "pairings_application_id_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."applications"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pairings" ADD CONSTRAINT "pairings_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pairings" ADD CONSTRAINT "pairings_foreign_partner_id_foreign_partners_id_fk" FOREIGN KEY ("foreign_partner_id") REFERENCES "public"."foreign_partners"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "participants" ADD CONSTRAINT "participants_application_id_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."applications"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "participants" ADD CONSTRAINT "participants_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "participants" ADD CONSTRAINT "participants_foreign_partner_id_foreign_partners_id_fk" FOREIGN KEY ("foreign_partner_id") REFERENCES "public"."foreign_partners"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "participants" ADD CONSTRAINT "participants_operator_id_operators_id_fk" FOREIGN KEY ("operator_id") REFERENCES "public"."operators"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "audit_events" ADD CONSTRAINT "audit_events_actor_id_users_id_fk" FOREIGN KEY ("actor_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "accounts" ADD CONSTRAINT "accounts_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "memberships" ADD CONSTRAINT "memberships_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "memberships" ADD CONSTRAINT "memberships_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "memberships" ADD CONSTRAINT "memberships_invited_by_users_id_fk" FOREIGN KEY ("invited_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "memberships" ADD CONSTRAINT "memberships_confirmed_by_users_id_fk" FOREIGN KEY ("confirmed_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sessions" ADD CONSTRAINT "sessions_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "user_roles" ADD CONSTRAINT "user_roles_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "user_roles" ADD CONSTRAINT "user_roles_network_id_regional_networks_id_fk" FOREIGN KEY ("network_id") REFERENCES "public"."regional_networks"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "user_roles" ADD CONSTRAINT "user_roles_granted_by_users_id_fk" FOREIGN KEY ("granted_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "calls" ADD CONSTRAINT "calls_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "criteria" ADD CONSTRAINT "criteria_call_id_calls_id_fk" FOREIGN KEY ("call_id") REFERENCES "public"."calls"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "required_documents" ADD CONSTRAINT "required_documents_call_id_calls_id_fk" FOREIGN KEY ("call_id") REFERENCES "public"."calls"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "followup_posts" ADD CONSTRAINT "followup_posts_network_id_regional_networks_id_fk" FOREIGN KEY ("network_id") REFERENCES "public"."regional_networks"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "followup_posts" ADD CONSTRAINT "followup_posts_application_id_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."applications"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "followup_posts" ADD CONSTRAINT "followup_posts_news_issue_id_news_issues_id_fk" FOREIGN KEY ("news_issue_id") REFERENCES "public"."news_issues"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "followup_posts" ADD CONSTRAINT "followup_posts_author_id_users_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "milestones" ADD CONSTRAINT "milestones_application_id_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."applications"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "milestones" ADD CONSTRAINT "milestones_network_id_regional_networks_id_fk" FOREIGN KEY ("network_id") REFERENCES "public"."regional_networks"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "milestones" ADD CONSTRAINT "milestones_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "news_issues" ADD CONSTRAINT "news_issues_network_id_regional_networks_id_fk" FOREIGN KEY ("network_id") REFERENCES "public"."regional_networks"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "news_issues" ADD CONSTRAINT "news_issues_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "progress_reports" ADD CONSTRAINT "progress_reports_application_id_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."applications"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "progress_reports" ADD CONSTRAINT "progress_reports_submitted_by_users_id_fk" FOREIGN KEY ("submitted_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "progress_reports" ADD CONSTRAINT "progress_reports_featured_by_users_id_fk" FOREIGN KEY ("featured_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "regional_networks" ADD CONSTRAINT "regional_networks_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "decisions" ADD CONSTRAINT "decisions_application_id_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."applications"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "decisions" ADD CONSTRAINT "decisions_decided_by_users_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reviewer_assignments" ADD CONSTRAINT "reviewer_assignments_application_id_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."applications"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reviewer_assignments" ADD CONSTRAINT "reviewer_assignments_reviewer_id_users_id_fk" FOREIGN KEY ("reviewer_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reviewer_assignments" ADD CONSTRAINT "reviewer_assignments_assigned_by_users_id_fk" FOREIGN KEY ("assigned_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reviews" ADD CONSTRAINT "reviews_application_id_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."applications"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reviews" ADD CONSTRAINT "reviews_reviewer_id_users_id_fk" FOREIGN KEY ("reviewer_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "scores" ADD CONSTRAINT "scores_review_id_reviews_id_fk" FOREIGN KEY ("review_id") REFERENCES "public"."reviews"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "scores" ADD CONSTRAINT "scores_criterion_range_fk" FOREIGN KEY ("criterion_id","max_score") REFERENCES "public"."criteria"("id","max_score") ON DELETE no action ON UPDATE cascade;--> statement-breakpoint
CREATE INDEX "applications_call_status_idx" ON "applications" USING btree ("call_id","status");--> statement-breakpoint
CREATE INDEX "applications_lead_organisation_id_idx" ON "applications" USING btree ("lead_organisation_id");--> statement-breakpoint
CREATE INDEX "applications_status_idx" ON "applications" USING btree ("status");--> statement-breakpoint
CREATE INDEX "applications_submitted_at_idx" ON "applications" USING btree ("submitted_at");--> statement-breakpoint
CREATE INDEX "applications_requested_amount_idx" ON "applications" USING btree ("requested_amount_cents");--> statement-breakpoint
CREATE INDEX "attachments_application_id_idx" ON "attachments" USING btree ("application_id");--> statement-breakpoint
CREATE INDEX "attachments_required_document_id_idx" ON "attachments" USING btree ("required_document_id");--> statement-breakpoint
CREATE INDEX "attachments_message_id_idx" ON "attachments" USING btree ("message_id");--> statement-breakpoint
CREATE INDEX "attachments_progress_report_id_idx" ON "attachments" USING btree ("progress_report_id");--> statement-breakpoint
CREATE INDEX "attachments_followup_post_id_idx" ON "attachments" USING btree ("followup_post_id");--> statement-breakpoint
CREATE INDEX "budget_lines_application_id_idx" ON "budget_lines" USING btree ("application_id");--> statement-breakpoint
CREATE INDEX "budget_lines_organisation_id_idx" ON "budget_lines" USING btree ("organisation_id");--> statement-breakpoint
CREATE INDEX "messages_application_id_idx" ON "messages" USING btree ("application_id","created_at");--> statement-breakpoint
CREATE INDEX "messages_author_id_idx" ON "messages" USING btree ("author_id");--> statement-breakpoint
CREATE INDEX "pairings_foreign_partner_id_idx" ON "pairings" USING btree ("foreign_partner_id");--> statement-breakpoint
CREATE INDEX "pairings_organisation_id_idx" ON "pairings" USING btree ("organisation_id");--> statement-breakpoint
CREATE INDEX "participants_application_id_idx" ON "participants" USING btree ("application_id");--> statement-breakpoint
CREATE INDEX "participants_organisation_id_idx" ON "participants" USING btree ("organisation_id");--> statement-breakpoint
CREATE INDEX "participants_foreign_partner_id_idx" ON "participants" USING btree ("foreign_partner_id");--> statement-breakpoint
CREATE INDEX "participants_operator_id_idx" ON "participants" USING btree ("operator_id");--> statement-breakpoint
CREATE INDEX "audit_events_subject_idx" ON "audit_events" USING btree ("subject_type","subject_id","occurred_at");--> statement-breakpoint
CREATE INDEX "audit_events_actor_id_idx" ON "audit_events" USING btree ("actor_id","occurred_at");--> statement-breakpoint
CREATE INDEX "audit_events_action_idx" ON "audit_events" USING btree ("action","occurred_at");--> statement-breakpoint
CREATE INDEX "accounts_user_id_idx" ON "accounts" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "memberships_organisation_id_idx" ON "memberships" USING btree ("organisation_id");--> statement-breakpoint
CREATE INDEX "sessions_user_id_idx" ON "sessions" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "user_roles_network_id_idx" ON "user_roles" USING btree ("network_id");--> statement-breakpoint
CREATE INDEX "calls_year_idx" ON "calls" USING btree ("year");--> statement-breakpoint
CREATE INDEX "calls_closes_at_idx" ON "calls" USING btree ("closes_at");--> statement-breakpoint
CREATE INDEX "followup_posts_network_status_idx" ON "followup_posts" USING btree ("network_id","status","published_at");--> statement-breakpoint
CREATE INDEX "followup_posts_application_id_idx" ON "followup_posts" USING btree ("application_id");--> statement-breakpoint
CREATE INDEX "followup_posts_news_issue_id_idx" ON "followup_posts" USING btree ("news_issue_id");--> statement-breakpoint
CREATE INDEX "milestones_application_id_idx" ON "milestones" USING btree ("application_id","position");--> statement-breakpoint
CREATE INDEX "milestones_network_id_idx" ON "milestones" USING btree ("network_id");--> statement-breakpoint
CREATE INDEX "news_issues_network_status_idx" ON "news_issues" USING btree ("network_id","status","issue_date");--> statement-breakpoint
CREATE INDEX "progress_reports_application_id_idx" ON "progress_reports" USING btree ("application_id");--> statement-breakpoint
CREATE INDEX "email_outbox_due_idx" ON "email_outbox" USING btree ("next_attempt_at") WHERE "email_outbox"."status" in ('pending', 'sending');--> statement-breakpoint
CREATE INDEX "email_outbox_created_at_idx" ON "email_outbox" USING btree ("created_at");--> statement-breakpoint
CREATE INDEX "foreign_partners_country_code_idx" ON "foreign_partners" USING btree ("country_code");--> statement-breakpoint
CREATE INDEX "organisations_region_code_idx" ON "organisations" USING btree ("region_code");--> statement-breakpoint
CREATE INDEX "organisations_departement_code_idx" ON "organisations" USING btree ("departement_code");--> statement-breakpoint
CREATE INDEX "organisations_search_name_idx" ON "organisations" USING gin ("search_name" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "regional_networks_region_code_idx" ON "regional_networks" USING btree ("region_code");--> statement-breakpoint
CREATE INDEX "decisions_outcome_idx" ON "decisions" USING btree ("outcome");--> statement-breakpoint
CREATE INDEX "reviewer_assignments_reviewer_id_idx" ON "reviewer_assignments" USING btree ("reviewer_id");--> statement-breakpoint
CREATE INDEX "reviews_reviewer_id_idx" ON "reviews" USING btree ("reviewer_id");--> statement-breakpoint
CREATE INDEX "scores_criterion_id_idx" ON "scores" USING btree ("criterion_id");