// What is recorded on the visit and printed on the slip besides the department.
import { useTranslation } from 'react-i18next';
import type { MethodInput } from '../../../preload/contract';

export const PRIORITIES = ['none', 'senior', 'divyang', 'pregnant', 'emergency', 'staff'] as const;
export const VISIT_TYPES = ['new', 'follow_up'] as const;
export const FEE_CATEGORIES = ['general', 'bpl', 'ews', 'delhi_arogya_kosh', 'staff', 'free'] as const;

type IssueInput = MethodInput<'tokens.issue'>;
export interface TokenChoices {
  priority: NonNullable<IssueInput['priority']>;
  visitType: NonNullable<IssueInput['visitType']>;
  feeCategory: NonNullable<IssueInput['feeCategory']>;
}

interface Props {
  value: TokenChoices;
  onChange: (value: TokenChoices) => void;
}

export function TokenOptions({ value, onChange }: Props) {
  const { t } = useTranslation();
  return (
    <div className="token-options">
      <label>
        <span>{t('panel.priority')}</span>
        <select
          data-testid="token-priority"
          value={value.priority}
          onChange={(e) => onChange({ ...value, priority: PRIORITIES.find((p) => p === e.target.value) ?? 'none' })}
        >
          {PRIORITIES.map((p) => (
            <option key={p} value={p}>
              {t(`priority.${p}`)}
            </option>
          ))}
        </select>
      </label>
      <label>
        <span>{t('panel.visitType')}</span>
        <select
          data-testid="token-visit-type"
          value={value.visitType}
          onChange={(e) => onChange({ ...value, visitType: VISIT_TYPES.find((v) => v === e.target.value) ?? 'new' })}
        >
          {VISIT_TYPES.map((v) => (
            <option key={v} value={v}>
              {t(`visitType.${v}`)}
            </option>
          ))}
        </select>
      </label>
      <label>
        <span>{t('panel.fee')}</span>
        <select
          data-testid="token-fee"
          value={value.feeCategory}
          onChange={(e) =>
            onChange({ ...value, feeCategory: FEE_CATEGORIES.find((f) => f === e.target.value) ?? 'general' })
          }
        >
          {FEE_CATEGORIES.map((f) => (
            <option key={f} value={f}>
              {t(`fee.${f}`)}
            </option>
          ))}
        </select>
      </label>
    </div>
  );
}
