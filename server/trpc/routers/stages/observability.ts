import { router } from '../../init';
import { checklistProcedures } from './checklist-procedures';

export const observabilityRouter = router({
  ...checklistProcedures('observability'),
});
