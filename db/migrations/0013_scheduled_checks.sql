CREATE TYPE "public"."check_schedule_frequency" AS ENUM('off', 'daily', 'weekly');--> statement-breakpoint
CREATE TABLE "check_schedules" (
	"project_id" text PRIMARY KEY NOT NULL,
	"frequency" "check_schedule_frequency" DEFAULT 'daily' NOT NULL,
	"hour_utc" integer NOT NULL,
	"next_run_at" timestamp with time zone,
	"lease_until" timestamp with time zone,
	"lease_owner" text,
	"attempts" integer DEFAULT 0 NOT NULL,
	"run_id" text,
	"last_run_id" text,
	"last_run_at" timestamp with time zone,
	"last_error" text,
	"updated_by" text,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "check_runs" ADD COLUMN "scheduled_for" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "check_schedules" ADD CONSTRAINT "check_schedules_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "check_schedules" ADD CONSTRAINT "check_schedules_run_id_check_runs_id_fk" FOREIGN KEY ("run_id") REFERENCES "public"."check_runs"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "check_schedules" ADD CONSTRAINT "check_schedules_last_run_id_check_runs_id_fk" FOREIGN KEY ("last_run_id") REFERENCES "public"."check_runs"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "check_schedules" ADD CONSTRAINT "check_schedules_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "check_schedules_due_idx" ON "check_schedules" USING btree ("next_run_at") WHERE "check_schedules"."frequency" <> 'off';--> statement-breakpoint
-- hand-written:
-- The schedule shows on cached project reads (docs/decisions/0009): what people see (setting, next
-- run due, last run) bumps the content revision; a worker taking or renewing its lease does not.
CREATE TRIGGER check_schedules_revision AFTER INSERT OR DELETE ON check_schedules FOR EACH ROW EXECUTE FUNCTION lr_bump_project_revision('content');--> statement-breakpoint
CREATE TRIGGER check_schedules_revision_update AFTER UPDATE ON check_schedules FOR EACH ROW
  WHEN (OLD.frequency IS DISTINCT FROM NEW.frequency OR OLD.hour_utc IS DISTINCT FROM NEW.hour_utc OR OLD.next_run_at IS DISTINCT FROM NEW.next_run_at
        OR OLD.last_run_id IS DISTINCT FROM NEW.last_run_id OR OLD.last_error IS DISTINCT FROM NEW.last_error)
  EXECUTE FUNCTION lr_bump_project_revision('content');
