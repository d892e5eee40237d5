CREATE TYPE "public"."chatbot_result_status" AS ENUM('pass', 'fail', 'error');--> statement-breakpoint
CREATE TYPE "public"."chatbot_review_decision" AS ENUM('reviewed', 'accepted');--> statement-breakpoint
CREATE TYPE "public"."chatbot_run_status" AS ENUM('running', 'done', 'failed');--> statement-breakpoint
CREATE TYPE "public"."chatbot_run_trigger" AS ENUM('person', 'schedule');--> statement-breakpoint
CREATE TYPE "public"."chatbot_prompt_category" AS ENUM('everyday', 'injection', 'extraction', 'other-member-data', 'personal-data', 'off-topic', 'harmful', 'approval');--> statement-breakpoint
CREATE TABLE "chatbot_prompts" (
	"id" text PRIMARY KEY NOT NULL,
	"project_id" text NOT NULL,
	"category" "chatbot_prompt_category" NOT NULL,
	"title" text NOT NULL,
	"prompt" text NOT NULL,
	"expectations" jsonb NOT NULL,
	"severity" "item_severity" NOT NULL,
	"suggestion_key" text,
	"position" integer NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_by" text
);
--> statement-breakpoint
CREATE TABLE "chatbot_results" (
	"id" text PRIMARY KEY NOT NULL,
	"run_id" text NOT NULL,
	"project_id" text NOT NULL,
	"prompt_id" text NOT NULL,
	"position" integer NOT NULL,
	"category" "chatbot_prompt_category" NOT NULL,
	"title" text NOT NULL,
	"prompt" text NOT NULL,
	"expectations" jsonb NOT NULL,
	"severity" "item_severity" NOT NULL,
	"status" "chatbot_result_status" NOT NULL,
	"answer" text,
	"outcomes" jsonb NOT NULL,
	"http_status" integer,
	"format" text,
	"first_byte_ms" integer,
	"first_text_ms" integer,
	"total_ms" integer,
	"canary_leaked" boolean DEFAULT false NOT NULL,
	"review_decision" "chatbot_review_decision",
	"review_reason" text,
	"reviewed_by" text,
	"reviewed_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "chatbot_runs" (
	"id" text PRIMARY KEY NOT NULL,
	"project_id" text NOT NULL,
	"trigger" "chatbot_run_trigger" NOT NULL,
	"status" "chatbot_run_status" DEFAULT 'running' NOT NULL,
	"prompt_set_version" integer NOT NULL,
	"endpoint_url" text NOT NULL,
	"started_by" text,
	"started_at" timestamp with time zone DEFAULT now() NOT NULL,
	"finished_at" timestamp with time zone,
	"summary" jsonb,
	"error" text
);
--> statement-breakpoint
CREATE TABLE "chatbot_settings" (
	"project_id" text PRIMARY KEY NOT NULL,
	"request_template" text NOT NULL,
	"answer_path" text,
	"canary" text NOT NULL,
	"canary_created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"prompt_set_version" integer DEFAULT 1 NOT NULL,
	"schedule_enabled" boolean DEFAULT true NOT NULL,
	"schedule_every_days" integer DEFAULT 7 NOT NULL,
	"next_run_at" timestamp with time zone,
	"lease_until" timestamp with time zone,
	"leased_by" text,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_by" text
);
--> statement-breakpoint
ALTER TABLE "chatbot_prompts" ADD CONSTRAINT "chatbot_prompts_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "chatbot_prompts" ADD CONSTRAINT "chatbot_prompts_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "chatbot_results" ADD CONSTRAINT "chatbot_results_run_id_chatbot_runs_id_fk" FOREIGN KEY ("run_id") REFERENCES "public"."chatbot_runs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "chatbot_results" ADD CONSTRAINT "chatbot_results_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "chatbot_results" ADD CONSTRAINT "chatbot_results_reviewed_by_users_id_fk" FOREIGN KEY ("reviewed_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "chatbot_runs" ADD CONSTRAINT "chatbot_runs_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "chatbot_runs" ADD CONSTRAINT "chatbot_runs_started_by_users_id_fk" FOREIGN KEY ("started_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "chatbot_settings" ADD CONSTRAINT "chatbot_settings_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "chatbot_settings" ADD CONSTRAINT "chatbot_settings_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "chatbot_prompts_project_idx" ON "chatbot_prompts" USING btree ("project_id","position");--> statement-breakpoint
CREATE INDEX "chatbot_results_run_idx" ON "chatbot_results" USING btree ("run_id","position");--> statement-breakpoint
CREATE INDEX "chatbot_results_prompt_idx" ON "chatbot_results" USING btree ("project_id","prompt_id","created_at");--> statement-breakpoint
CREATE INDEX "chatbot_runs_project_idx" ON "chatbot_runs" USING btree ("project_id","started_at");--> statement-breakpoint
CREATE INDEX "chatbot_settings_due_idx" ON "chatbot_settings" USING btree ("next_run_at");--> statement-breakpoint
-- hand-written:
-- Chatbot settings, prompts, runs and results appear on cached project reads (stage pages, risk list, verdict): bump the content revision (docs/decisions/0009).
CREATE TRIGGER chatbot_settings_revision AFTER INSERT OR UPDATE OR DELETE ON chatbot_settings FOR EACH ROW EXECUTE FUNCTION lr_bump_project_revision('content');--> statement-breakpoint
CREATE TRIGGER chatbot_prompts_revision AFTER INSERT OR UPDATE OR DELETE ON chatbot_prompts FOR EACH ROW EXECUTE FUNCTION lr_bump_project_revision('content');--> statement-breakpoint
CREATE TRIGGER chatbot_runs_revision AFTER INSERT OR UPDATE OR DELETE ON chatbot_runs FOR EACH ROW EXECUTE FUNCTION lr_bump_project_revision('content');--> statement-breakpoint
CREATE TRIGGER chatbot_results_revision AFTER INSERT OR UPDATE OR DELETE ON chatbot_results FOR EACH ROW EXECUTE FUNCTION lr_bump_project_revision('content');
