ALTER TABLE "outbox_messages" ADD COLUMN "message_key" text;--> statement-breakpoint
CREATE UNIQUE INDEX "outbox_messages_key_idx" ON "outbox_messages" USING btree ("message_key");