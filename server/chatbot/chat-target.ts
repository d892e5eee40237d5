/**
 * Where the project's chat lives and how to talk to it: the first endpoint of kind "chat" in the
 * project settings, called with the request template from the Chatbot section, judged against
 * the playbook's chat targets. Null while either half is missing.
 */
import type { ChatCheckTarget } from '@/server/checks/types';
import { chatTargetsOf } from '@/server/chat/reply-time';
import type { ChatbotSettingsRow } from '@/db/schema';

type Endpoint = { kind: string; method: string; url: string };
type PlaybookTargets = { chatStartP95Ms?: number; chatResponseP95Ms?: number } | null | undefined;

/** The first chat endpoint, its URL already absolute (server/check-runs/target.ts resolves paths). */
export function chatEndpointOf(endpoints: readonly Endpoint[]): Endpoint | null {
  return endpoints.find((e) => e.kind === 'chat') ?? null;
}

export function chatTargetFor(endpoints: readonly Endpoint[], settings: Pick<ChatbotSettingsRow, 'requestTemplate' | 'answerPath' | 'canary'> | null | undefined, targets: PlaybookTargets): ChatCheckTarget | null {
  const endpoint = chatEndpointOf(endpoints);
  if (!endpoint || !settings) return null;
  // A chat is a write: GET or DELETE endpoints are called with POST, the way chat widgets send.
  const method = endpoint.method === 'PUT' || endpoint.method === 'PATCH' ? endpoint.method : 'POST';
  return { endpoint: { url: endpoint.url, method, template: settings.requestTemplate, answerPath: settings.answerPath }, canary: settings.canary, targets: chatTargetsOf(targets) };
}
