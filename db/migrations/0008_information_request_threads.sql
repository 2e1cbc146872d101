ALTER TABLE "messages" ADD COLUMN "closed_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "messages" ADD COLUMN "closed_by" text;--> statement-breakpoint
ALTER TABLE "messages" ADD CONSTRAINT "messages_closed_by_users_id_fk" FOREIGN KEY ("closed_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "messages_in_reply_to_idx" ON "messages" USING btree ("in_reply_to");--> statement-breakpoint
ALTER TABLE "messages" ADD CONSTRAINT "messages_body_length" CHECK (char_length("messages"."body") between 1 and 10000);--> statement-breakpoint
ALTER TABLE "messages" ADD CONSTRAINT "messages_closed_on_thread_root" CHECK ("messages"."closed_at" is null or "messages"."in_reply_to" is null);