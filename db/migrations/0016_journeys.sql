CREATE TYPE "public"."journey_kind" AS ENUM('sign-in', 'api', 'browser');--> statement-breakpoint
CREATE TABLE "journey_runs" (
	"journey_id" text NOT NULL,
	"project_id" text NOT NULL,
	"scheduled_at" timestamp with time zone NOT NULL,
	"started_at" timestamp with time zone NOT NULL,
	"finished_at" timestamp with time zone NOT NULL,
	"ok" boolean NOT NULL,
	"failed_step" integer,
	"fail_reason" text,
	"steps" jsonb NOT NULL,
	"total_ms" real NOT NULL,
	"worker" text,
	CONSTRAINT "journey_runs_journey_id_scheduled_at_pk" PRIMARY KEY("journey_id","scheduled_at")
);
--> statement-breakpoint
CREATE TABLE "journeys" (
	"id" text PRIMARY KEY NOT NULL,
	"project_id" text NOT NULL,
	"name" text NOT NULL,
	"kind" "journey_kind" NOT NULL,
	"steps" jsonb NOT NULL,
	"interval_seconds" integer NOT NULL,
	"enabled" boolean DEFAULT true NOT NULL,
	"target_success_percent" real,
	"fail_threshold" integer DEFAULT 2 NOT NULL,
	"recover_threshold" integer DEFAULT 2 NOT NULL,
	"state" "monitor_state" DEFAULT 'pending' NOT NULL,
	"state_changed_at" timestamp with time zone,
	"applied_slot_at" timestamp with time zone,
	"consecutive_failures" integer DEFAULT 0 NOT NULL,
	"consecutive_successes" integer DEFAULT 0 NOT NULL,
	"next_run_at" timestamp with time zone NOT NULL,
	"lease_until" timestamp with time zone,
	"lease_owner" text,
	"last_run_at" timestamp with time zone,
	"last_ok" boolean,
	"last_error" text,
	"created_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "journey_runs" ADD CONSTRAINT "journey_runs_journey_id_journeys_id_fk" FOREIGN KEY ("journey_id") REFERENCES "public"."journeys"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "journey_runs" ADD CONSTRAINT "journey_runs_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "journeys" ADD CONSTRAINT "journeys_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "journeys" ADD CONSTRAINT "journeys_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "journey_runs_project_idx" ON "journey_runs" USING btree ("project_id","scheduled_at");--> statement-breakpoint
CREATE INDEX "journeys_project_idx" ON "journeys" USING btree ("project_id","created_at");--> statement-breakpoint
CREATE INDEX "journeys_due_idx" ON "journeys" USING btree ("next_run_at") WHERE "journeys"."enabled";--> statement-breakpoint
-- hand-written:
-- Journeys and their runs feed the monitoring panel and go / no-go (cached reads): bump the monitoring revision (docs/decisions/0009).
-- The journey row itself changes on every run (state, lease): only its definition counts.
CREATE TRIGGER journeys_revision AFTER INSERT OR DELETE OR UPDATE OF project_id, kind, enabled, name, steps, interval_seconds, target_success_percent ON journeys FOR EACH ROW EXECUTE FUNCTION lr_bump_project_revision('monitoring');--> statement-breakpoint
CREATE TRIGGER journey_runs_revision AFTER INSERT OR UPDATE OR DELETE ON journey_runs FOR EACH ROW EXECUTE FUNCTION lr_bump_project_revision('monitoring');
