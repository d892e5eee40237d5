import type { RoadmapTemplate } from '../types';
import { membershipChatbotPrototype } from './membership-chatbot-prototype';
import { membershipGrowth } from './membership-growth';

/** All roadmap templates, one per seed playbook, in seed order. */
export const TEMPLATES: readonly RoadmapTemplate[] = [membershipGrowth, membershipChatbotPrototype];

export function getTemplate(id: string): RoadmapTemplate | undefined {
  return TEMPLATES.find((t) => t.id === id);
}
