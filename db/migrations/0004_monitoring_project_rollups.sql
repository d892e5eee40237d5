CREATE TABLE "monitor_project_rollups" (
	"project_id" text NOT NULL,
	"hour" timestamp with time zone NOT NULL,
	"checks" integer DEFAULT 0 NOT NULL,
	"failures" integer DEFAULT 0 NOT NULL,
	"missed" integer DEFAULT 0 NOT NULL,
	"latency_sum_ms" real DEFAULT 0 NOT NULL,
	"histogram" jsonb DEFAULT '{}'::jsonb NOT NULL,
	CONSTRAINT "monitor_project_rollups_project_id_hour_pk" PRIMARY KEY("project_id","hour")
);
--> statement-breakpoint
ALTER TABLE "monitor_project_rollups" ADD CONSTRAINT "monitor_project_rollups_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE cascade ON UPDATE no action;