/**
 * Where the Chatbot section shows: on the performance and perimeter stages of projects whose
 * checklist there names the chat or chatbot check (the AI playbooks, and any item a person adds).
 */
export function showsChatbotSection(stage: string, items: readonly { automatedCheck: string | null }[]): boolean {
  if (stage !== 'performance' && stage !== 'perimeter') return false;
  return items.some((i) => i.automatedCheck === 'chatbot' || i.automatedCheck === 'chat');
}
