'use client';
/** How often the whole catalogue runs again on its own (off, every day, every week) and at what hour (UTC). */
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { Button } from '@/components/ui/button';
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from '@/components/ui/card';
import { Field } from '@/components/ui/field';
import { Select } from '@/components/ui/select';
import { useTRPC } from '@/app/_lib/trpc';
import { useFormAction } from '@/app/_lib/use-form-action';
import { FREQUENCY_LABELS, timeOfDay, type FrequencyWord } from '@/server/scheduled-checks/words';
import { ScheduleStatus, type ScheduleView } from '../_components/schedule-status';

const FREQUENCIES = Object.keys(FREQUENCY_LABELS) as FrequencyWord[];
const HOURS = Array.from({ length: 24 }, (_, hour) => hour);

export function ScheduleCard({ projectId, schedule }: { projectId: string; schedule: ScheduleView }) {
  const trpc = useTRPC();
  const save = useMutation(trpc.checks.setSchedule.mutationOptions());
  const { errors, submit } = useFormAction();
  const [frequency, setFrequency] = useState<FrequencyWord>(schedule.frequency);
  const [hourUtc, setHourUtc] = useState(schedule.hourUtc);
  const unchanged = frequency === schedule.frequency && hourUtc === schedule.hourUtc;

  const onSave = () =>
    submit(() => save.mutateAsync({ projectId, frequency, hourUtc }), {
      success: frequency === 'off' ? 'Scheduled checks turned off' : 'Schedule saved',
      failure: 'Could not save the schedule',
    });

  return (
    <Card id="schedule" className="scroll-mt-20 target:ring-2 target:ring-brand-200">
      <CardHeader>
        <CardTitle>Scheduled checks</CardTitle>
        <CardDescription>
          Launch Ready runs every automated check again on its own, so a problem that appears or comes back is caught even when nobody presses “Run all checks”.
          These runs do not count against the 12 runs an hour people can start.
        </CardDescription>
      </CardHeader>
      <CardContent className="grid gap-4">
        <ScheduleStatus schedule={schedule} />
        <div className="flex flex-col gap-3 sm:flex-row sm:items-end">
          <Field label="How often" error={errors.frequency} className="sm:w-48">
            <Select value={frequency} onChange={(e) => setFrequency(e.target.value as FrequencyWord)}>
              {FREQUENCIES.map((f) => (
                <option key={f} value={f}>
                  {FREQUENCY_LABELS[f]}
                </option>
              ))}
            </Select>
          </Field>
          <Field label="Starting at" error={errors.hourUtc} className="sm:w-48">
            <Select value={hourUtc} disabled={frequency === 'off'} onChange={(e) => setHourUtc(Number(e.target.value))}>
              {HOURS.map((hour) => (
                <option key={hour} value={hour}>
                  {timeOfDay(hour, schedule.minute)}
                </option>
              ))}
            </Select>
          </Field>
          <Button variant="secondary" disabled={unchanged} loading={save.isPending} onClick={onSave}>
            Save schedule
          </Button>
        </div>
        <p className="text-xs text-fg-muted">
          Each project starts at its own minute past the hour ({String(schedule.minute).padStart(2, '0')} for this one), so projects do not all check at once. A weekly
          run takes place on the day of the first run after you save.
        </p>
      </CardContent>
    </Card>
  );
}
