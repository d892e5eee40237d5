/**
 * Whether a check verifies or only supports the item that names it (docs/decisions/0010).
 * The template type already requires the declaration; this is the same rule at runtime, for
 * templates built from data, and the look-ups the stage page needs.
 */
import { CHECK_ROLES } from '@/lib/vocabulary/roadmap';
import { getTemplate } from './templates';
import type { CheckRole, RoadmapTemplate, TemplateItem } from '@/lib/vocabulary/roadmap-template';

export { CHECK_ROLES };

/** A check on an item with no declaration (a person's own item) only supports it. */
export const UNDECLARED_CHECK_ROLE: CheckRole = 'supports';

/** Items that name a check without a valid declaration, and declarations without a check. */
export function checkDeclarationProblems(template: RoadmapTemplate): string[] {
  const problems: string[] = [];
  for (const item of template.stages.flatMap((s) => s.items) as readonly TemplateItem[]) {
    const role: unknown = item.checkRole;
    if (item.check === undefined) {
      if (role !== undefined) problems.push(`${template.id} ${item.key}: declares checkRole but names no check`);
      continue;
    }
    if (role !== 'verifies' && role !== 'supports') {
      problems.push(`${template.id} ${item.key}: names the ${item.check} check but does not declare whether it verifies or supports the item`);
    } else if (role === 'supports' && !item.checkGap?.trim()) {
      problems.push(`${template.id} ${item.key}: the ${item.check} check only supports it, so say what it does not test (checkGap)`);
    }
  }
  return problems;
}

/** What the check does not test, for an item copied from a template (undefined otherwise). */
export function checkGapOf(templateId: string, templateKey: string | null): string | undefined {
  if (templateKey === null) return undefined;
  const item = getTemplate(templateId)
    ?.stages.flatMap((s) => s.items)
    .find((i) => i.key === templateKey);
  return item?.checkGap;
}
