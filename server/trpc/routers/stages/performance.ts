import { router } from '../../init';
import { checklistProcedures } from './checklist-procedures';

export const performanceRouter = router({
  ...checklistProcedures('performance'),
});
