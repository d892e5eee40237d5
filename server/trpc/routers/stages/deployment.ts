import { router } from '../../init';
import { checklistProcedures } from './checklist-procedures';

export const deploymentRouter = router({
  ...checklistProcedures('deployment'),
});
