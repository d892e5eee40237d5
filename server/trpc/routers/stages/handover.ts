import { router } from '../../init';
import { checklistProcedures } from './checklist-procedures';

export const handoverRouter = router({
  ...checklistProcedures('handover'),
});
