ALTER TABLE "workspaces" ADD COLUMN "list_revision" bigint DEFAULT 0 NOT NULL;--> statement-breakpoint
-- The workspace's project list and header are cached by this counter (docs/decisions/0009):
-- a direct edit of the workspace, or a project added, removed or edited, bumps it.
CREATE FUNCTION lr_bump_own_list_revision() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.list_revision = OLD.list_revision THEN NEW.list_revision := OLD.list_revision + 1; END IF;
  RETURN NEW;
END $$;--> statement-breakpoint
CREATE TRIGGER workspaces_list_revision BEFORE UPDATE ON workspaces FOR EACH ROW EXECUTE FUNCTION lr_bump_own_list_revision();--> statement-breakpoint
CREATE FUNCTION lr_bump_workspace_list() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE workspaces SET list_revision = list_revision + 1
  WHERE id IN (SELECT OLD.workspace_id WHERE TG_OP <> 'INSERT' UNION SELECT NEW.workspace_id WHERE TG_OP <> 'DELETE');
  RETURN NULL;
END $$;--> statement-breakpoint
CREATE TRIGGER projects_list_revision_added AFTER INSERT OR DELETE ON projects FOR EACH ROW EXECUTE FUNCTION lr_bump_workspace_list();--> statement-breakpoint
-- Only when a listed column changes: revision bumps from child tables leave them all alone.
CREATE TRIGGER projects_list_revision_edited AFTER UPDATE ON projects FOR EACH ROW
  WHEN ((OLD.name, OLD.primary_domain, OLD.product_type, OLD.maturity, OLD.status, OLD.updated_at, OLD.workspace_id) IS DISTINCT FROM (NEW.name, NEW.primary_domain, NEW.product_type, NEW.maturity, NEW.status, NEW.updated_at, NEW.workspace_id))
  EXECUTE FUNCTION lr_bump_workspace_list();
