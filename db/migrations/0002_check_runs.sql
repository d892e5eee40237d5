CREATE TYPE "public"."status_source" AS ENUM('person', 'check');--> statement-breakpoint
CREATE TYPE "public"."check_result_status" AS ENUM('pass', 'warn', 'fail', 'error');--> statement-breakpoint
CREATE TYPE "public"."check_run_status" AS ENUM('running', 'done', 'failed');--> statement-breakpoint
CREATE TABLE "check_results" (
	"id" text PRIMARY KEY NOT NULL,
	"run_id" text NOT NULL,
	"project_id" text NOT NULL,
	"check_id" text NOT NULL,
	"status" "check_result_status" NOT NULL,
	"findings" jsonb NOT NULL,
	"evidence" jsonb,
	"duration_ms" integer NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "check_runs" (
	"id" text PRIMARY KEY NOT NULL,
	"project_id" text NOT NULL,
	"stage_key" "stage_key",
	"check_ids" jsonb NOT NULL,
	"target" jsonb NOT NULL,
	"status" "check_run_status" DEFAULT 'running' NOT NULL,
	"progress" jsonb NOT NULL,
	"started_by" text,
	"started_at" timestamp with time zone DEFAULT now() NOT NULL,
	"finished_at" timestamp with time zone,
	"error" text
);
--> statement-breakpoint
CREATE TABLE "domain_ownership" (
	"project_id" text PRIMARY KEY NOT NULL,
	"domain" text NOT NULL,
	"token" text NOT NULL,
	"verified_at" timestamp with time zone,
	"method" text,
	"last_checked_at" timestamp with time zone,
	"last_error" text
);
--> statement-breakpoint
ALTER TABLE "checklist_items" ADD COLUMN "status_source" "status_source" DEFAULT 'person' NOT NULL;--> statement-breakpoint
ALTER TABLE "checklist_items" ADD COLUMN "override_reason" text;--> statement-breakpoint
ALTER TABLE "check_results" ADD CONSTRAINT "check_results_run_id_check_runs_id_fk" FOREIGN KEY ("run_id") REFERENCES "public"."check_runs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "check_results" ADD CONSTRAINT "check_results_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "check_runs" ADD CONSTRAINT "check_runs_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "check_runs" ADD CONSTRAINT "check_runs_started_by_users_id_fk" FOREIGN KEY ("started_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "domain_ownership" ADD CONSTRAINT "domain_ownership_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "check_results_run_check_idx" ON "check_results" USING btree ("run_id","check_id");--> statement-breakpoint
CREATE INDEX "check_results_project_check_idx" ON "check_results" USING btree ("project_id","check_id","created_at");--> statement-breakpoint
CREATE INDEX "check_runs_project_idx" ON "check_runs" USING btree ("project_id","started_at");