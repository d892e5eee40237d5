import 'server-only';
import { cache } from 'react';
import { serverCaller } from '@/server/trpc/server-caller';

/**
 * Reads that a project's layout and its page both need, made once per request: React's cache
 * shares them across the layout and page of one render. Authorization runs as usual inside.
 */
export const readProject = cache(async (projectId: string) => (await serverCaller()).project.get({ projectId }));
export const readRoadmapOverview = cache(async (projectId: string) => (await serverCaller()).roadmap.overview({ projectId }));
