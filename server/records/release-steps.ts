/** The release checklist: steps in four phases, ticked during a release and reset for the next. */
import { z } from 'zod';
import { requiredText } from '@/server/validation';
import { RELEASE_PHASES, type ReleasePhase } from './vocabulary';

export { RELEASE_PHASES, type ReleasePhase };

/** A starting point for projects with no checklist yet; every step can be edited or removed. */
export const STANDARD_RELEASE_STEPS: { phase: ReleasePhase; title: string }[] = [
  { phase: 'build', title: 'The build passes from the main branch, with tests and type checks' },
  { phase: 'build', title: 'Production environment variables match the inventory' },
  { phase: 'migrate', title: 'Database backup taken, or a restore point noted' },
  { phase: 'migrate', title: 'Migrations applied to staging (or a copy) before production' },
  { phase: 'migrate', title: 'Migrations applied to production' },
  { phase: 'verify', title: 'Sign-up, sign-in and password reset tried on production' },
  { phase: 'verify', title: 'A payment (or the main paid action) tried on production' },
  { phase: 'verify', title: 'Error tracker and uptime checked 15 minutes after the release' },
  { phase: 'rollback', title: 'The previous version is identified and can be put back in one step' },
  { phase: 'rollback', title: 'Everyone knows who decides to roll back' },
];

export const releaseStepFieldsSchema = z.object({
  phase: z.enum(RELEASE_PHASES, 'Choose build, migrate, verify or roll back.'),
  title: requiredText(200, 'Describe the step.', 'Keep the step under 200 characters.'),
});
