import { Field } from '@/components/ui/field';
import { Select } from '@/components/ui/select';
import { IMPACT_LABELS, SEVERITY_LABELS, type ImpactValue, type SeverityValue } from './labels';

/** Severity picker for forms that add an item or a risk (submits as `severity`). */
export function SeverityField({ defaultValue, error }: { defaultValue: SeverityValue; error?: string }) {
  return (
    <Field label="Severity" error={error}>
      <Select name="severity" defaultValue={defaultValue}>
        {(Object.keys(SEVERITY_LABELS) as SeverityValue[]).map((s) => (
          <option key={s} value={s}>
            {SEVERITY_LABELS[s]}
          </option>
        ))}
      </Select>
    </Field>
  );
}

/** Business-impact picker (submits as `impact`); the area decides the risk's place in the fix order. */
export function ImpactField({ defaultValue, error }: { defaultValue: ImpactValue; error?: string }) {
  return (
    <Field label="Business impact" error={error}>
      <Select name="impact" defaultValue={defaultValue}>
        {(Object.keys(IMPACT_LABELS) as ImpactValue[]).map((i) => (
          <option key={i} value={i}>
            {IMPACT_LABELS[i]}
          </option>
        ))}
      </Select>
    </Field>
  );
}
