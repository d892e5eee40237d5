ALTER TABLE "projects" ADD COLUMN "content_revision" bigint DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "projects" ADD COLUMN "monitoring_revision" bigint DEFAULT 0 NOT NULL;--> statement-breakpoint
-- Read revisions (docs/decisions/0009): every change to a project's content or to its monitoring
-- rollups bumps a counter on the project row, in the same transaction as the change, so cached
-- reads keyed by (project, revision) can never serve data older than what was committed.
CREATE FUNCTION lr_bump_project_revision() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_ARGV[0] = 'monitoring' THEN
    IF TG_OP <> 'INSERT' THEN UPDATE projects SET monitoring_revision = monitoring_revision + 1 WHERE id = OLD.project_id; END IF;
    IF TG_OP <> 'DELETE' AND (TG_OP = 'INSERT' OR NEW.project_id IS DISTINCT FROM OLD.project_id) THEN
      UPDATE projects SET monitoring_revision = monitoring_revision + 1 WHERE id = NEW.project_id;
    END IF;
  ELSE
    IF TG_OP <> 'INSERT' THEN UPDATE projects SET content_revision = content_revision + 1 WHERE id = OLD.project_id; END IF;
    IF TG_OP <> 'DELETE' AND (TG_OP = 'INSERT' OR NEW.project_id IS DISTINCT FROM OLD.project_id) THEN
      UPDATE projects SET content_revision = content_revision + 1 WHERE id = NEW.project_id;
    END IF;
  END IF;
  RETURN NULL;
END $$;--> statement-breakpoint
-- A direct edit of the project row is a content change too (unless it is itself a bump).
CREATE FUNCTION lr_bump_own_revision() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.content_revision = OLD.content_revision AND NEW.monitoring_revision = OLD.monitoring_revision THEN
    NEW.content_revision := OLD.content_revision + 1;
  END IF;
  RETURN NEW;
END $$;--> statement-breakpoint
CREATE TRIGGER projects_revision BEFORE UPDATE ON projects FOR EACH ROW EXECUTE FUNCTION lr_bump_own_revision();--> statement-breakpoint
-- Member lists and people's names appear on project pages: changing them touches every project
-- of the workspace (or the projects shared with that person).
CREATE FUNCTION lr_bump_workspace_projects() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE projects SET content_revision = content_revision + 1
  WHERE workspace_id IN (SELECT OLD.workspace_id WHERE TG_OP <> 'INSERT' UNION SELECT NEW.workspace_id WHERE TG_OP <> 'DELETE');
  RETURN NULL;
END $$;--> statement-breakpoint
CREATE TRIGGER workspace_members_revision AFTER INSERT OR UPDATE OR DELETE ON workspace_members FOR EACH ROW EXECUTE FUNCTION lr_bump_workspace_projects();--> statement-breakpoint
CREATE FUNCTION lr_bump_user_projects() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE projects SET content_revision = content_revision + 1
  WHERE workspace_id IN (SELECT workspace_id FROM workspace_members WHERE user_id = NEW.id)
     OR id IN (SELECT project_id FROM project_shares WHERE user_id = NEW.id);
  RETURN NULL;
END $$;--> statement-breakpoint
CREATE TRIGGER users_name_revision AFTER UPDATE OF name, email ON users FOR EACH ROW WHEN (OLD.name IS DISTINCT FROM NEW.name OR OLD.email IS DISTINCT FROM NEW.email) EXECUTE FUNCTION lr_bump_user_projects();--> statement-breakpoint
CREATE TRIGGER check_results_revision AFTER INSERT OR UPDATE OR DELETE ON check_results FOR EACH ROW EXECUTE FUNCTION lr_bump_project_revision('content');--> statement-breakpoint
CREATE TRIGGER check_runs_revision AFTER INSERT OR UPDATE OR DELETE ON check_runs FOR EACH ROW EXECUTE FUNCTION lr_bump_project_revision('content');--> statement-breakpoint
CREATE TRIGGER checklist_items_revision AFTER INSERT OR UPDATE OR DELETE ON checklist_items FOR EACH ROW EXECUTE FUNCTION lr_bump_project_revision('content');--> statement-breakpoint
CREATE TRIGGER contacts_revision AFTER INSERT OR UPDATE OR DELETE ON contacts FOR EACH ROW EXECUTE FUNCTION lr_bump_project_revision('content');--> statement-breakpoint
CREATE TRIGGER domain_ownership_revision AFTER INSERT OR UPDATE OR DELETE ON domain_ownership FOR EACH ROW EXECUTE FUNCTION lr_bump_project_revision('content');--> statement-breakpoint
CREATE TRIGGER env_vars_revision AFTER INSERT OR UPDATE OR DELETE ON env_vars FOR EACH ROW EXECUTE FUNCTION lr_bump_project_revision('content');--> statement-breakpoint
CREATE TRIGGER founder_answers_revision AFTER INSERT OR UPDATE OR DELETE ON founder_answers FOR EACH ROW EXECUTE FUNCTION lr_bump_project_revision('content');--> statement-breakpoint
CREATE TRIGGER go_decisions_revision AFTER INSERT OR UPDATE OR DELETE ON go_decisions FOR EACH ROW EXECUTE FUNCTION lr_bump_project_revision('content');--> statement-breakpoint
CREATE TRIGGER handover_entries_revision AFTER INSERT OR UPDATE OR DELETE ON handover_entries FOR EACH ROW EXECUTE FUNCTION lr_bump_project_revision('content');--> statement-breakpoint
CREATE TRIGGER item_comments_revision AFTER INSERT OR UPDATE OR DELETE ON item_comments FOR EACH ROW EXECUTE FUNCTION lr_bump_project_revision('content');--> statement-breakpoint
CREATE TRIGGER item_evidence_revision AFTER INSERT OR UPDATE OR DELETE ON item_evidence FOR EACH ROW EXECUTE FUNCTION lr_bump_project_revision('content');--> statement-breakpoint
CREATE TRIGGER manual_risks_revision AFTER INSERT OR UPDATE OR DELETE ON manual_risks FOR EACH ROW EXECUTE FUNCTION lr_bump_project_revision('content');--> statement-breakpoint
CREATE TRIGGER project_documents_revision AFTER INSERT OR UPDATE OR DELETE ON project_documents FOR EACH ROW EXECUTE FUNCTION lr_bump_project_revision('content');--> statement-breakpoint
CREATE TRIGGER project_roadmaps_revision AFTER INSERT OR UPDATE OR DELETE ON project_roadmaps FOR EACH ROW EXECUTE FUNCTION lr_bump_project_revision('content');--> statement-breakpoint
CREATE TRIGGER project_shares_revision AFTER INSERT OR UPDATE OR DELETE ON project_shares FOR EACH ROW EXECUTE FUNCTION lr_bump_project_revision('content');--> statement-breakpoint
CREATE TRIGGER project_stages_revision AFTER INSERT OR UPDATE OR DELETE ON project_stages FOR EACH ROW EXECUTE FUNCTION lr_bump_project_revision('content');--> statement-breakpoint
CREATE TRIGGER release_steps_revision AFTER INSERT OR UPDATE OR DELETE ON release_steps FOR EACH ROW EXECUTE FUNCTION lr_bump_project_revision('content');--> statement-breakpoint
CREATE TRIGGER alert_channels_revision AFTER INSERT OR UPDATE OR DELETE ON alert_channels FOR EACH ROW EXECUTE FUNCTION lr_bump_project_revision('content');--> statement-breakpoint
CREATE TRIGGER alert_settings_revision AFTER INSERT OR UPDATE OR DELETE ON alert_settings FOR EACH ROW EXECUTE FUNCTION lr_bump_project_revision('content');--> statement-breakpoint
CREATE TRIGGER monitor_project_rollups_revision AFTER INSERT OR UPDATE OR DELETE ON monitor_project_rollups FOR EACH ROW EXECUTE FUNCTION lr_bump_project_revision('monitoring');--> statement-breakpoint
CREATE TRIGGER monitor_incidents_revision AFTER INSERT OR UPDATE OR DELETE ON monitor_incidents FOR EACH ROW EXECUTE FUNCTION lr_bump_project_revision('monitoring');--> statement-breakpoint
CREATE TRIGGER monitors_revision AFTER INSERT OR DELETE OR UPDATE OF project_id, kind, enabled ON monitors FOR EACH ROW EXECUTE FUNCTION lr_bump_project_revision('monitoring');--> statement-breakpoint
CREATE FUNCTION lr_bump_renamed_workspace() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE projects SET content_revision = content_revision + 1 WHERE workspace_id = NEW.id;
  RETURN NULL;
END $$;--> statement-breakpoint
CREATE TRIGGER workspaces_name_revision AFTER UPDATE OF name ON workspaces FOR EACH ROW WHEN (OLD.name IS DISTINCT FROM NEW.name) EXECUTE FUNCTION lr_bump_renamed_workspace();
