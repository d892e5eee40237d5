/** Email authentication (SPF, DKIM, DMARC) for the mail-sending domain. */
import type { EmailAuthSection } from '../types';
import { checklistSignals } from './checklist-signals';
import { latestCheckResults } from './check-results';
import type { SourceContext } from './context';

export async function buildEmailAuth(ctx: SourceContext): Promise<EmailAuthSection> {
  return {
    mailDomain: ctx.project.mailDomain,
    dkimSelectors: ctx.project.dkimSelectors,
    checks: await latestCheckResults(ctx, ['spf', 'dkim', 'dmarc'], 'SPF, DKIM and DMARC have not been checked automatically yet: run the email checks on the Perimeter stage.'),
    checklist: checklistSignals(ctx, ['spf', 'dkim', 'dmarc']),
  };
}
