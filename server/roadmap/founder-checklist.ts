/**
 * The founder decision checklist (seed 004) offered on every project as a quick self-assessment,
 * whatever playbook the project follows.
 */
import { getTemplate } from './templates';
import type { RescuePlan } from '@/lib/vocabulary/roadmap-template';

function load(): RescuePlan['decisionChecklist'] {
  const rescue = getTemplate('membership-rescue')?.rescue;
  if (!rescue) throw new Error('The rescue template must carry the founder decision checklist.');
  return rescue.decisionChecklist;
}

export const FOUNDER_CHECKLIST = load();
