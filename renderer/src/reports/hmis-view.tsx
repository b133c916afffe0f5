// A month's OPD figures laid out as the HMIS monthly facility report's OPD
// section asks for them, to copy into the form row by row.
import type { HmisReport } from '../../../preload/contract/methods/report-schemas';
import type { Language } from '../i18n';
import { useMoneyT } from '../money/use-money-t';

export function HmisView({ report, language }: { report: HmisReport; language: Language }) {
  const tm = useMoneyT();
  return (
    <div className="report-body" data-testid="report-hmis">
      <p className="hint">{tm('reports.hmisIntro')}</p>
      <table className="money-table report-table hmis-table">
        <thead>
          <tr>
            <th scope="col">{tm('reports.item')}</th>
            <th className="num" scope="col">
              {tm('reports.male')}
            </th>
            <th className="num" scope="col">
              {tm('reports.female')}
            </th>
            <th className="num" scope="col">
              {tm('reports.other')}
            </th>
            <th className="num" scope="col">
              {tm('reports.total')}
            </th>
          </tr>
        </thead>
        <tbody>
          {report.rows.map((r) => (
            <tr
              key={r.labelEn}
              data-testid="hmis-row"
              data-label={r.labelEn}
              data-total={r.total}
              className={r.level > 0 ? 'sub' : 'head'}
            >
              <th scope="row">{language === 'hi' ? r.labelHi : r.labelEn}</th>
              <td className="num">{r.male}</td>
              <td className="num">{r.female}</td>
              <td className="num">{r.other}</td>
              <td className="num">
                <strong>{r.total}</strong>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
