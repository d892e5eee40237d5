import type { RoadmapTemplate } from '@/lib/vocabulary/roadmap-template';
import { coachChatbotLaunch } from './coach-chatbot-launch';
import { coachDashboardPrototype } from './coach-dashboard-prototype';
import { membershipChatbotPrototype } from './membership-chatbot-prototype';
import { membershipGrowth } from './membership-growth';
import { membershipRescue } from './membership-rescue';

/** All roadmap templates, one per seed playbook, in seed order. */
export const TEMPLATES: readonly RoadmapTemplate[] = [membershipGrowth, membershipChatbotPrototype, coachDashboardPrototype, coachChatbotLaunch, membershipRescue];

export function getTemplate(id: string): RoadmapTemplate | undefined {
  return TEMPLATES.find((t) => t.id === id);
}
