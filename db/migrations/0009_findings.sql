CREATE TYPE "public"."finding_event_kind" AS ENUM('opened', 'fixed', 'regressed', 'accepted', 'reopened', 'assigned');--> statement-breakpoint
CREATE TYPE "public"."finding_state" AS ENUM('open', 'fixed', 'regressed', 'accepted');--> statement-breakpoint
ALTER TYPE "public"."check_result_status" ADD VALUE 'skipped';--> statement-breakpoint
CREATE TABLE "finding_events" (
	"id" text PRIMARY KEY NOT NULL,
	"finding_id" text NOT NULL,
	"project_id" text NOT NULL,
	"kind" "finding_event_kind" NOT NULL,
	"run_id" text,
	"actor_id" text,
	"note" text,
	"at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "findings" (
	"id" text PRIMARY KEY NOT NULL,
	"project_id" text NOT NULL,
	"fingerprint" text NOT NULL,
	"check_id" text NOT NULL,
	"code" text NOT NULL,
	"subject" text NOT NULL,
	"severity" "item_severity" NOT NULL,
	"impact" "impact_area" NOT NULL,
	"message" text NOT NULL,
	"fix" text NOT NULL,
	"evidence" jsonb,
	"state" "finding_state" DEFAULT 'open' NOT NULL,
	"first_seen_at" timestamp with time zone NOT NULL,
	"last_seen_at" timestamp with time zone NOT NULL,
	"fixed_at" timestamp with time zone,
	"last_run_id" text,
	"accepted_reason" text,
	"accepted_until" date,
	"accepted_by" text,
	"accepted_at" timestamp with time zone,
	"owner_user_id" text,
	"owner_name" text,
	"due_date" date,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "finding_events" ADD CONSTRAINT "finding_events_finding_id_findings_id_fk" FOREIGN KEY ("finding_id") REFERENCES "public"."findings"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "finding_events" ADD CONSTRAINT "finding_events_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "finding_events" ADD CONSTRAINT "finding_events_run_id_check_runs_id_fk" FOREIGN KEY ("run_id") REFERENCES "public"."check_runs"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "finding_events" ADD CONSTRAINT "finding_events_actor_id_users_id_fk" FOREIGN KEY ("actor_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "findings" ADD CONSTRAINT "findings_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "findings" ADD CONSTRAINT "findings_last_run_id_check_runs_id_fk" FOREIGN KEY ("last_run_id") REFERENCES "public"."check_runs"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "findings" ADD CONSTRAINT "findings_accepted_by_users_id_fk" FOREIGN KEY ("accepted_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "findings" ADD CONSTRAINT "findings_owner_user_id_users_id_fk" FOREIGN KEY ("owner_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "finding_events_finding_idx" ON "finding_events" USING btree ("finding_id","at");--> statement-breakpoint
CREATE UNIQUE INDEX "findings_project_fingerprint_idx" ON "findings" USING btree ("project_id","fingerprint");--> statement-breakpoint
CREATE INDEX "findings_project_state_idx" ON "findings" USING btree ("project_id","state");--> statement-breakpoint
-- Findings appear on cached project reads (risk list, overview, verdict): bump the content revision (docs/decisions/0009).
CREATE TRIGGER findings_revision AFTER INSERT OR UPDATE OR DELETE ON findings FOR EACH ROW EXECUTE FUNCTION lr_bump_project_revision('content');
