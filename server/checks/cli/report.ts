/** How check results read in a terminal (for founders) and as JSON (for CI), and the exit code. */
import type { CatalogueEntry, CheckId, TimedResult } from '../catalogue';
import { atLeast, bySeverity } from '../support/finding';
import type { Finding, Severity } from '../types';

export type FailOn = Severity | 'none';

export const STATUS_LABEL = { pass: '✔ PASS ', warn: '▲ WARN ', fail: '✖ FAIL ', error: '? ERROR' } as const;

export function findingsAtOrAbove(results: Partial<Record<CheckId, TimedResult>>, failOn: FailOn): Finding[] {
  if (failOn === 'none') return [];
  return Object.values(results).flatMap((r) => r?.findings ?? []).filter((f) => atLeast(f.severity, failOn));
}

function wrap(text: string, indent: string, width = 100): string {
  const words = text.split(/\s+/);
  const lines: string[] = [];
  let line = '';
  for (const word of words) {
    if (line && line.length + word.length + 1 > width - indent.length) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(line);
  return lines.map((l, i) => (i === 0 ? l : `${indent}${l}`)).join('\n');
}

export function formatText(subject: string, results: Partial<Record<CheckId, TimedResult>>, catalogue: readonly CatalogueEntry[], durationMs: number, failOn: FailOn): string {
  const out: string[] = [`Launch Ready check of ${subject}: ${Object.keys(results).length} checks in ${(durationMs / 1000).toFixed(1)} s`, ''];
  for (const check of catalogue) {
    const result = results[check.id];
    if (!result) continue;
    out.push(`${STATUS_LABEL[result.status]}  ${check.title}`);
    for (const finding of [...result.findings].sort(bySeverity)) {
      const label = finding.severity === 'info' ? 'note' : finding.severity.toUpperCase();
      out.push(`    ${label.padEnd(8)}  ${wrap(finding.message, '              ')}`);
      if (finding.severity !== 'info') out.push(`              Fix: ${wrap(finding.fix, '                   ')}`);
    }
  }
  const counts = { pass: 0, warn: 0, fail: 0, error: 0 };
  for (const result of Object.values(results)) if (result) counts[result.status] += 1;
  const blocking = findingsAtOrAbove(results, failOn).length;
  out.push('', `${counts.pass} passed, ${counts.fail} failed, ${counts.warn} with warnings, ${counts.error} could not run.`);
  out.push(failOn === 'none' ? 'Exit status ignores findings (--fail-on none).' : blocking > 0 ? `${blocking} finding${blocking === 1 ? '' : 's'} at or above "${failOn}": exit status 1.` : `Nothing at or above "${failOn}".`);
  return `${out.join('\n')}\n`;
}
