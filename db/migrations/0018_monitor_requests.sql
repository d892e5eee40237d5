ALTER TABLE "monitors" ADD COLUMN "headers" jsonb DEFAULT '[]'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "monitors" ADD COLUMN "body" text;--> statement-breakpoint
ALTER TABLE "monitors" ADD COLUMN "json_path" text;--> statement-breakpoint
ALTER TABLE "monitors" ADD COLUMN "json_expected" text;--> statement-breakpoint
ALTER TABLE "monitors" ADD COLUMN "max_latency_ms" integer;