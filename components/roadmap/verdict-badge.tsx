import { Badge } from '@/components/ui/badge';
import { VERDICTS, type VerdictValue } from './labels';

export function VerdictBadge({ verdict }: { verdict: VerdictValue }) {
  const v = VERDICTS[verdict];
  return (
    <Badge tone={v.tone} dot>
      {v.label}
    </Badge>
  );
}
