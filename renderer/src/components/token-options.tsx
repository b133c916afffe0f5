// What is recorded on the visit and printed on the slip besides the department.
// The choices are the contract's own enums, so the UI can't offer a value the
// core would refuse.
import { useTranslation } from 'react-i18next';
import type { MethodInput } from '../../../preload/contract';
import { FeeCategory, Priority, VisitType } from '../../../preload/contract/fields';

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

interface ChoiceProps<T extends string> {
  label: string;
  testId: string;
  options: readonly T[];
  value: T;
  optionLabel: (option: T) => string;
  onChange: (option: T) => void;
}

function Choice<T extends string>({ label, testId, options, value, optionLabel, onChange }: ChoiceProps<T>) {
  return (
    <label>
      <span>{label}</span>
      <select data-testid={testId} value={value} onChange={(e) => onChange(options.find((o) => o === e.target.value) ?? value)}>
        {options.map((option) => (
          <option key={option} value={option}>
            {optionLabel(option)}
          </option>
        ))}
      </select>
    </label>
  );
}

export function TokenOptions({ value, onChange }: Props) {
  const { t } = useTranslation();
  return (
    <div className="token-options">
      <Choice
        label={t('panel.priority')}
        testId="token-priority"
        options={Priority.options}
        value={value.priority}
        optionLabel={(p) => t(`priority.${p}`)}
        onChange={(priority) => onChange({ ...value, priority })}
      />
      <Choice
        label={t('panel.visitType')}
        testId="token-visit-type"
        options={VisitType.options}
        value={value.visitType}
        optionLabel={(v) => t(`visitType.${v}`)}
        onChange={(visitType) => onChange({ ...value, visitType })}
      />
      <Choice
        label={t('panel.fee')}
        testId="token-fee"
        options={FeeCategory.options}
        value={value.feeCategory}
        optionLabel={(f) => t(`fee.${f}`)}
        onChange={(feeCategory) => onChange({ ...value, feeCategory })}
      />
    </div>
  );
}
