import { router } from '../../init';
import { checklistProcedures } from './checklist-procedures';

export const routingRouter = router({
  ...checklistProcedures('routing'),
});
