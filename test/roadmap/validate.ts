import { STAGE_KEYS } from '@/lib/vocabulary/projects';
import type { RoadmapTemplate, SeedSource, TemplateLine } from '@/lib/vocabulary/roadmap-template';
import { checkDeclarationProblems } from '@/server/roadmap/check-roles';

/** Every place in a template that cites the playbook: where it is, its key (if any), its sources. */
export interface Citation {
  where: string;
  key?: string;
  sources: SeedSource[];
}

export const KEY_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*(?:\.[a-z0-9]+(?:-[a-z0-9]+)*)+$/;

function lines(where: string, list: TemplateLine[]): Citation[] {
  return list.map((l) => ({ where, key: l.key, sources: l.sources }));
}

export function templateCitations(t: RoadmapTemplate): Citation[] {
  const out: Citation[] = [
    ...lines('context', t.context),
    ...lines('targets.notes', t.targets.notes),
    ...lines('minimumBar', t.minimumBar),
  ];
  for (const s of t.stages) {
    out.push({ where: `stages.${s.key}.goal`, sources: s.goalSources });
    for (const ch of s.chapters) out.push({ where: `stages.${s.key}.chapters[${ch.number}]`, sources: ch.sources });
    out.push(...lines(`stages.${s.key}.items`, s.items), ...lines(`stages.${s.key}.failureSignals`, s.failureSignals));
  }
  out.push(...lines('automate', t.automate), ...lines('dontOverbuild', t.dontOverbuild), ...lines('sprintMapping', t.sprintMapping));
  const r = t.rescue;
  if (r) {
    out.push(...lines('rescue.productionRisks', r.productionRisks));
    for (const d of r.sprintDays) out.push(...lines(`rescue.sprintDays[${d.day}]`, d.lines));
    out.push(
      ...lines('rescue.handoverDeliverables', r.handoverDeliverables),
      ...lines('rescue.whenNotToBuy', r.whenNotToBuy),
      ...lines('rescue.decisionChecklist.questions', r.decisionChecklist.questions),
      { where: 'rescue.decisionChecklist.rule', sources: r.decisionChecklist.rule.sources },
    );
  }
  return out;
}

/** Structural problems of a template (empty when it is sound). Needs no seed files. */
export function validateTemplate(t: RoadmapTemplate): string[] {
  const problems: string[] = [];
  const stageKeys = t.stages.map((s) => s.key).join(',');
  if (stageKeys !== STAGE_KEYS.join(',')) problems.push(`stages must be ${STAGE_KEYS.join(',')} in order, got ${stageKeys}`);

  for (const s of t.stages) {
    if (s.items.length === 0) problems.push(`stage ${s.key} has no items`);
    if (s.goal.trim() === '') problems.push(`stage ${s.key} has no goal`);
    for (const item of s.items) {
      if (!item.key.startsWith(`${s.key}.`)) problems.push(`item ${item.key} is in stage ${s.key} but not prefixed with it`);
    }
  }

  const seen = new Set<string>();
  for (const c of templateCitations(t)) {
    if (c.sources.length === 0) problems.push(`${c.where}${c.key ? ` ${c.key}` : ''} has no sources`);
    for (const src of c.sources) {
      if (src.seed !== t.seed) problems.push(`${c.where} cites another seed: ${src.seed}`);
      if (!Number.isInteger(src.position) || src.position < 1) problems.push(`${c.where} has a bad position ${src.position}`);
    }
    if (c.key === undefined) continue;
    if (!KEY_PATTERN.test(c.key)) problems.push(`key ${c.key} is not dotted kebab-case`);
    if (seen.has(c.key)) problems.push(`duplicate key ${c.key}`);
    seen.add(c.key);
  }

  problems.push(...checkDeclarationProblems(t));

  const chapterNumbers = t.stages.flatMap((s) => s.chapters.map((ch) => ch.number));
  if (new Set(chapterNumbers).size !== chapterNumbers.length) problems.push('a playbook chapter is mapped to more than one stage');
  for (const n of chapterNumbers) {
    if (n < 1 || n > t.chapterCount) problems.push(`chapter ${n} is outside 1..${t.chapterCount}`);
  }

  const textOf = [
    ...t.context,
    ...t.targets.notes,
    ...t.minimumBar,
    ...t.stages.flatMap((s) => [...s.items, ...s.failureSignals]),
    ...t.automate,
    ...t.dontOverbuild,
    ...t.sprintMapping,
  ];
  for (const l of textOf) {
    if (l.text.trim() === '' || l.text !== l.text.trim()) problems.push(`${l.key} has empty or untrimmed text`);
  }
  return problems;
}
