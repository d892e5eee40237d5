CREATE TYPE "public"."check_role" AS ENUM('verifies', 'supports');--> statement-breakpoint
ALTER TABLE "checklist_items" ADD COLUMN "check_role" "check_role";--> statement-breakpoint
ALTER TABLE "item_evidence" ADD COLUMN "check_status" "check_result_status";--> statement-breakpoint
-- Honest settlement (docs/decisions/0010). Existing items get their template's declaration by
-- template key; items a person added, or that their template no longer has, only get "supports".
UPDATE "checklist_items" AS ci SET "check_role" = v.role::"check_role"
FROM "project_roadmaps" AS r, (VALUES
  ('membership-growth', 'audit.dns-records', 'supports'),
  ('membership-growth', 'audit.email-records', 'supports'),
  ('membership-growth', 'routing.apex-dns', 'supports'),
  ('membership-growth', 'routing.redirect-rules', 'supports'),
  ('membership-growth', 'routing.invite-deep-links', 'supports'),
  ('membership-growth', 'perimeter.cloudflare', 'supports'),
  ('membership-growth', 'perimeter.tls-everywhere', 'verifies'),
  ('membership-growth', 'perimeter.server-side-secrets', 'supports'),
  ('membership-growth', 'perimeter.cors', 'verifies'),
  ('membership-growth', 'perimeter.rate-limits', 'supports'),
  ('membership-growth', 'perimeter.spf', 'verifies'),
  ('membership-growth', 'perimeter.dkim', 'supports'),
  ('membership-growth', 'perimeter.dmarc', 'verifies'),
  ('membership-growth', 'performance.static-caching', 'supports'),
  ('membership-growth', 'performance.p95-under-bursts', 'supports'),
  ('membership-growth', 'observability.uptime', 'supports'),
  ('membership-growth', 'observability.alert-channel', 'verifies'),
  ('membership-chatbot-prototype', 'audit.dns-records', 'supports'),
  ('membership-chatbot-prototype', 'audit.split-domains', 'verifies'),
  ('membership-chatbot-prototype', 'audit.chat-bottlenecks', 'supports'),
  ('membership-chatbot-prototype', 'routing.domain-to-production', 'supports'),
  ('membership-chatbot-prototype', 'routing.canonical-redirects', 'verifies'),
  ('membership-chatbot-prototype', 'routing.subdomains', 'supports'),
  ('membership-chatbot-prototype', 'routing.cloudflare-proxy', 'supports'),
  ('membership-chatbot-prototype', 'routing.tls', 'verifies'),
  ('membership-chatbot-prototype', 'perimeter.ddos', 'supports'),
  ('membership-chatbot-prototype', 'perimeter.rate-limits', 'supports'),
  ('membership-chatbot-prototype', 'perimeter.spf', 'verifies'),
  ('membership-chatbot-prototype', 'perimeter.dkim', 'supports'),
  ('membership-chatbot-prototype', 'perimeter.dmarc', 'verifies'),
  ('membership-chatbot-prototype', 'perimeter.secrets-removed', 'supports'),
  ('membership-chatbot-prototype', 'performance.latency-targets', 'supports'),
  ('membership-chatbot-prototype', 'performance.edge-static-cache', 'supports'),
  ('membership-chatbot-prototype', 'observability.uptime', 'supports'),
  ('membership-chatbot-prototype', 'observability.p95-by-endpoint', 'supports'),
  ('membership-chatbot-prototype', 'observability.alert-channel', 'verifies'),
  ('membership-chatbot-prototype', 'observability.alert-thresholds', 'supports'),
  ('coach-dashboard-prototype', 'audit.main-domain', 'supports'),
  ('coach-dashboard-prototype', 'audit.www-redirect', 'verifies'),
  ('coach-dashboard-prototype', 'audit.subdomains', 'supports'),
  ('coach-dashboard-prototype', 'audit.email-auth', 'supports'),
  ('coach-dashboard-prototype', 'audit.slow-pages', 'supports'),
  ('coach-dashboard-prototype', 'routing.dns-clean', 'supports'),
  ('coach-dashboard-prototype', 'routing.cloudflare-proxy', 'supports'),
  ('coach-dashboard-prototype', 'routing.force-https', 'supports'),
  ('coach-dashboard-prototype', 'routing.short-chains', 'verifies'),
  ('coach-dashboard-prototype', 'routing.static-cache', 'verifies'),
  ('coach-dashboard-prototype', 'routing.ddos', 'supports'),
  ('coach-dashboard-prototype', 'routing.login-cookies', 'supports'),
  ('coach-dashboard-prototype', 'perimeter.spf', 'supports'),
  ('coach-dashboard-prototype', 'perimeter.dkim', 'supports'),
  ('coach-dashboard-prototype', 'perimeter.dmarc', 'verifies'),
  ('coach-dashboard-prototype', 'perimeter.security-headers', 'supports'),
  ('coach-dashboard-prototype', 'perimeter.no-hardcoded-secrets', 'supports'),
  ('coach-dashboard-prototype', 'deployment.no-browser-keys', 'verifies'),
  ('coach-dashboard-prototype', 'performance.p95-key-routes', 'supports'),
  ('coach-dashboard-prototype', 'observability.uptime', 'verifies'),
  ('coach-dashboard-prototype', 'observability.alert-channels', 'verifies'),
  ('coach-chatbot-launch', 'audit.domain-resolution', 'verifies'),
  ('coach-chatbot-launch', 'audit.certificates', 'verifies'),
  ('coach-chatbot-launch', 'audit.sender-auth', 'supports'),
  ('coach-chatbot-launch', 'routing.canonical', 'verifies'),
  ('coach-chatbot-launch', 'routing.legacy-redirects', 'supports'),
  ('coach-chatbot-launch', 'routing.subdomain-services', 'supports'),
  ('coach-chatbot-launch', 'routing.no-chains', 'verifies'),
  ('coach-chatbot-launch', 'perimeter.cloudflare-front', 'supports'),
  ('coach-chatbot-launch', 'perimeter.ddos-defaults', 'supports'),
  ('coach-chatbot-launch', 'perimeter.spf', 'supports'),
  ('coach-chatbot-launch', 'perimeter.dkim', 'supports'),
  ('coach-chatbot-launch', 'perimeter.dmarc', 'verifies'),
  ('coach-chatbot-launch', 'deployment.rotate-exposed', 'supports'),
  ('coach-chatbot-launch', 'performance.latency-targets', 'supports'),
  ('coach-chatbot-launch', 'performance.edge-caching', 'supports'),
  ('coach-chatbot-launch', 'performance.compression', 'verifies'),
  ('coach-chatbot-launch', 'performance.cache-headers', 'supports'),
  ('coach-chatbot-launch', 'observability.uptime', 'supports'),
  ('coach-chatbot-launch', 'observability.p95', 'supports'),
  ('coach-chatbot-launch', 'observability.error-alerts', 'supports'),
  ('coach-chatbot-launch', 'observability.dashboard', 'supports'),
  ('membership-rescue', 'audit.exposed-secrets', 'supports'),
  ('membership-rescue', 'routing.cors', 'verifies'),
  ('membership-rescue', 'deployment.no-exposed-keys', 'verifies'),
  ('membership-rescue', 'performance.p95-target', 'supports'),
  ('membership-rescue', 'observability.sentry-alerts', 'supports'),
  ('membership-rescue', 'observability.monitors', 'verifies')
) AS v(template_id, template_key, role)
WHERE r.project_id = ci.project_id AND r.template_id = v.template_id AND ci.template_key = v.template_key AND ci.automated_check IS NOT NULL;--> statement-breakpoint
UPDATE "checklist_items" SET "check_role" = 'supports' WHERE "automated_check" IS NOT NULL AND "check_role" IS NULL;--> statement-breakpoint
-- Check evidence records the verdict it reports: check runs link their result; monitoring wrote
-- "Monitoring: No …" exactly when its verdict failed.
UPDATE "item_evidence" AS e SET "check_status" = cr.status
FROM "check_results" AS cr
WHERE e.kind = 'check' AND e.url = '/check-runs/' || cr.run_id || '#' || cr.check_id;--> statement-breakpoint
UPDATE "item_evidence" SET "check_status" = CASE WHEN "body" LIKE 'Monitoring: No %' THEN 'fail'::"check_result_status" ELSE 'pass'::"check_result_status" END
WHERE "kind" = 'check' AND "check_status" IS NULL AND "body" LIKE 'Monitoring: %';--> statement-breakpoint
-- A check that only supports an item no longer passes it on its own: it waits for a person.
UPDATE "checklist_items" SET "status" = 'in_progress'
WHERE "check_role" = 'supports' AND "status" = 'passed' AND "status_source" = 'check' AND "override_reason" IS NULL;
