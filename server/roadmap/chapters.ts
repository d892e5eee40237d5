import type { RoadmapTemplate, TemplateChapter } from '@/lib/vocabulary/roadmap-template';

/**
 * How a stage page credits the playbook: "Stage 4 of 7 — Email trust setup" or
 * "Day 2 of 7 — Security and data integrity fixes".
 */
export function chapterLabel(template: Pick<RoadmapTemplate, 'chapterUnit' | 'chapterCount'>, chapter: Pick<TemplateChapter, 'number' | 'title'>): string {
  const unit = template.chapterUnit === 'day' ? 'Day' : 'Stage';
  return `${unit} ${chapter.number} of ${template.chapterCount} — ${chapter.title}`;
}
