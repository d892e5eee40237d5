import { router } from '../../init';
import { checklistProcedures } from './checklist-procedures';

export const auditRouter = router({
  ...checklistProcedures('audit'),
});
