import { router } from '../../init';
import { checklistProcedures } from './checklist-procedures';

export const perimeterRouter = router({
  ...checklistProcedures('perimeter'),
});
