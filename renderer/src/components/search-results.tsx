// The result rows under the search box: enough to tell two Sunita Devis apart
// (guardian, age, phone, UHID) at a glance.
import { useTranslation } from 'react-i18next';
import type { PatientSummary } from '../../../preload/contract';
import { ageSex, guardianText } from '../lib/format';

export const RESULTS_ID = 'search-results';
export const optionId = (index: number) => `search-result-${index}`;

interface Props {
  patients: PatientSummary[];
  activeIndex: number;
  busy: boolean;
  onPick: (patient: PatientSummary) => void;
  onHover: (index: number) => void;
}

export function SearchResults({ patients, activeIndex, busy, onPick, onHover }: Props) {
  const { t } = useTranslation();
  return (
    <ul id={RESULTS_ID} className="search-results" role="listbox" aria-label={t('search.label')} aria-busy={busy}>
      {patients.map((p, i) => {
        const guardian = guardianText(t, p);
        return (
          <li
            key={p.id}
            id={optionId(i)}
            role="option"
            aria-selected={i === activeIndex}
            className="search-result"
            data-testid="search-result"
            data-patient-id={p.id}
            // mousedown, not click: keep focus in the search box.
            onMouseDown={(e) => {
              e.preventDefault();
              onPick(p);
            }}
            onMouseMove={() => onHover(i)}
          >
            <span className="result-line">
              <span className="result-name">
                {p.name}
                {p.nameOtherScript && <span className="result-name-other"> · {p.nameOtherScript}</span>}
              </span>
              <span className="result-age">{ageSex(t, p)}</span>
              {p.unidentified && (
                <span className="chip priority" data-testid="result-unidentified">
                  {t('door.emergency.unidentified')}
                </span>
              )}
              {guardian && <span className="result-guardian">{guardian}</span>}
            </span>
            <span className="result-line result-ids">
              <span className="result-uhid">
                {t('patient.uhid')} {p.uhid}
              </span>
              <span className="result-phone">
                {t('patient.phone')} {p.phone ?? t('patient.none')}
              </span>
              {p.abhaNumber && (
                <span className="result-abha">
                  {t('patient.abhaNumber')} {p.abhaNumber}
                </span>
              )}
            </span>
          </li>
        );
      })}
    </ul>
  );
}
