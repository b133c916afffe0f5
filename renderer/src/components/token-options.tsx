// What is recorded on the visit and printed on the slip besides the department.
// The choices are the contract's own enums and the exemptions the supervisor
// keeps (fees.settings), so the UI can't offer a value the core would refuse.
import { useTranslation } from 'react-i18next';
import type { MethodInput } from '../../../preload/contract';
import { Priority, VisitType } from '../../../preload/contract/fields';
import type { Exemption } from '../../../preload/contract/methods/fee-schemas';
import { currentLanguage } from '../i18n';
import { categoryName } from '../money/fee-text';

type IssueInput = MethodInput<'tokens.issue'>;
export interface TokenChoices {
  priority: NonNullable<IssueInput['priority']>;
  visitType: NonNullable<IssueInput['visitType']>;
  feeCategory: NonNullable<IssueInput['feeCategory']>;
}

interface Props {
  value: TokenChoices;
  onChange: (value: TokenChoices) => void;
  /** The exemptions offered now (fees.settings); General is always first. */
  exemptions: readonly Exemption[];
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

export function TokenOptions({ value, onChange, exemptions }: Props) {
  const { t, i18n } = useTranslation();
  const language = currentLanguage(i18n.language);
  const offered = exemptions.filter((e) => e.active);
  // A category chosen before the list loaded (or since withdrawn) stays selectable rather than vanish.
  const categories = ['general', ...offered.map((e) => e.code)];
  if (!categories.includes(value.feeCategory)) categories.push(value.feeCategory);
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
        options={categories}
        value={value.feeCategory}
        optionLabel={(f) => categoryName(f, language, t, offered)}
        onChange={(feeCategory) => onChange({ ...value, feeCategory })}
      />
    </div>
  );
}
