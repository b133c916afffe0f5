// The token just issued, big enough to read out to the patient across the
// counter. It stays until the clerk starts the next search.
import { useTranslation } from 'react-i18next';
import type { Department, Token } from '../../../preload/contract';
import type { Language } from '../i18n';
import { departmentName, departmentRoom } from '../lib/format';
import { feeCategoryName } from '../money/fee-text';
import { IssuedFee } from '../money/issued-fee';

interface Props {
  token: Token;
  department: Department | undefined;
  language: Language;
}

export function IssuedToken({ token, department, language }: Props) {
  const { t } = useTranslation();
  return (
    <section className="issued-token" data-testid="issued-token" aria-live="polite" aria-labelledby="issued-token-label">
      <p className="issued-caption">{t('token.issued')}</p>
      <p id="issued-token-label" className="issued-label" data-testid="issued-token-label">
        {token.label}
      </p>
      <p className="issued-department">
        <span data-testid="issued-token-department">{departmentName(department, token.departmentCode, language)}</span>
        {department && <span className="issued-room"> · {t('panel.room', { room: departmentRoom(department, language) })}</span>}
      </p>
      <p className="issued-patient">
        {token.patientName} · {t('patient.uhid')} {token.patientUhid}
      </p>
      <p className="issued-chips">
        {token.priority !== 'none' && <span className="chip priority">{t(`priority.${token.priority}`)}</span>}
        <span className="chip">{t(`visitType.${token.visitType}`)}</span>
        <span className="chip">{feeCategoryName(token, language, t)}</span>
      </p>
      {token.fee && <IssuedFee fee={token.fee} />}
      <p className="hint">{t('token.nextHint')}</p>
    </section>
  );
}
