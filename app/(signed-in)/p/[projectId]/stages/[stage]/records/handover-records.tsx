import { loadOrNotFound } from '@/app/_lib/guard';
import { serverCaller } from '@/server/trpc/server-caller';
import { ContactsPanel } from './contacts-panel';
import { EntriesCard } from './entries-card';
import { RecordsSection } from './records-section';
import { WeeklySuggestions } from './weekly-suggestions';

/** Handover: escalation contacts, known limitations, ranked improvements and the weekly checklist. */
export async function HandoverRecords({ projectId, canEdit }: { projectId: string; canEdit: boolean }) {
  const caller = await serverCaller();
  const [escalation, entries] = await Promise.all([loadOrNotFound(caller.handover.contacts({ projectId })), loadOrNotFound(caller.handover.entries({ projectId }))]);
  return (
    <RecordsSection title="Handover records" description="What the people running the product next need to know: who to call, what does not work yet, what to improve first and what to check every week.">
      <ContactsPanel projectId={projectId} contacts={escalation.contacts} canEdit={canEdit} />
      <div className="grid items-stretch gap-4 lg:grid-cols-2">
        <EntriesCard
          projectId={projectId}
          kind="known_limitation"
          title="Known limitations"
          description="What does not work yet, or breaks under load, in plain words."
          noun="limitation"
          placeholder="e.g. Search slows down above 10,000 posts"
          empty="None written down yet."
          entries={entries.limitations}
          canEdit={canEdit}
        />
        <EntriesCard
          projectId={projectId}
          kind="improvement"
          title="Next improvements"
          description="Ranked by business value: what protects revenue or trust comes first."
          noun="improvement"
          placeholder="e.g. Add a second person who can deploy"
          empty="None listed yet."
          entries={entries.improvements}
          canEdit={canEdit}
        />
      </div>
      <EntriesCard
        projectId={projectId}
        kind="weekly_check"
        title="Weekly operating checklist"
        description="Fifteen minutes every week keeps small problems from becoming outages."
        noun="weekly check"
        placeholder="e.g. Confirm last night’s backup exists"
        empty={entries.weeklySuggestions.length > 0 ? 'No weekly checks yet. Start from the suggestions below.' : 'No weekly checks yet.'}
        entries={entries.weeklyChecks}
        canEdit={canEdit}
      >
        <WeeklySuggestions projectId={projectId} suggestions={entries.weeklySuggestions} canEdit={canEdit} hasChecks={entries.weeklyChecks.length > 0} />
      </EntriesCard>
    </RecordsSection>
  );
}
