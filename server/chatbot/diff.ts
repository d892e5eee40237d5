/**
 * What changed since the previous run, prompt by prompt (followed by prompt id, so a renamed or
 * reworded prompt is still the same one): newly failing, fixed, still failing, new, dropped.
 */
export type DiffInput = { promptId: string; title: string; status: 'pass' | 'fail' | 'error' };
export type ChangeKind = 'now-failing' | 'fixed' | 'still-failing' | 'new' | 'dropped' | 'no-answer';
export type RunChange = { promptId: string; title: string; change: ChangeKind; before: DiffInput['status'] | null; after: DiffInput['status'] | null };

export function diffChatbotRuns(previous: readonly DiffInput[], current: readonly DiffInput[]): RunChange[] {
  const changes: RunChange[] = [];
  for (const now of current) {
    const before = previous.find((p) => p.promptId === now.promptId);
    const base = { promptId: now.promptId, title: now.title, before: before?.status ?? null, after: now.status };
    if (!before) changes.push({ ...base, change: 'new' });
    else if (now.status === 'error' && before.status !== 'error') changes.push({ ...base, change: 'no-answer' });
    else if (now.status === 'fail' && before.status !== 'fail') changes.push({ ...base, change: 'now-failing' });
    else if (now.status === 'pass' && before.status === 'fail') changes.push({ ...base, change: 'fixed' });
    else if (now.status === 'fail') changes.push({ ...base, change: 'still-failing' });
  }
  for (const before of previous) {
    if (!current.some((c) => c.promptId === before.promptId)) changes.push({ promptId: before.promptId, title: before.title, change: 'dropped', before: before.status, after: null });
  }
  const order: ChangeKind[] = ['now-failing', 'no-answer', 'still-failing', 'fixed', 'new', 'dropped'];
  return changes.sort((a, b) => order.indexOf(a.change) - order.indexOf(b.change));
}
