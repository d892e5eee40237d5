CREATE TABLE "journey_screenshots" (
	"journey_id" text PRIMARY KEY NOT NULL,
	"project_id" text NOT NULL,
	"scheduled_at" timestamp with time zone NOT NULL,
	"taken_at" timestamp with time zone NOT NULL,
	"failed_step" integer,
	"page_url" text,
	"png" "bytea" NOT NULL
);
--> statement-breakpoint
ALTER TABLE "journeys" ADD COLUMN "browser_steps" jsonb DEFAULT '[]'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "journey_screenshots" ADD CONSTRAINT "journey_screenshots_journey_id_journeys_id_fk" FOREIGN KEY ("journey_id") REFERENCES "public"."journeys"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "journey_screenshots" ADD CONSTRAINT "journey_screenshots_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
-- hand-written:
-- Browser steps are part of a journey's definition: they bump the monitoring revision like steps (docs/decisions/0009).
DROP TRIGGER journeys_revision ON journeys;--> statement-breakpoint
CREATE TRIGGER journeys_revision AFTER INSERT OR DELETE OR UPDATE OF project_id, kind, enabled, name, steps, browser_steps, interval_seconds, target_success_percent ON journeys FOR EACH ROW EXECUTE FUNCTION lr_bump_project_revision('monitoring');--> statement-breakpoint
CREATE TRIGGER journey_screenshots_revision AFTER INSERT OR UPDATE OR DELETE ON journey_screenshots FOR EACH ROW EXECUTE FUNCTION lr_bump_project_revision('monitoring');
