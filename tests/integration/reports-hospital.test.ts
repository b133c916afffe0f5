// The whole hospital's numbers (across the paired counters): each counter answers
// for what it issued over the hospital network (real TLS on loopback), the
// asking counter adds them up; a counter that does not answer is named and
// left out, never guessed at; a window cannot call the peer methods.
import { describe, expect, it } from 'vitest';
import { mergeCensus } from '../../main/reports/merge-reports';
import { blackHolePeer, peerSceneEachTest, type PeerCounter } from '../support/peer-fixture';

const scene = peerSceneEachTest();

async function visits(c: PeerCounter, people: { name: string; gender: 'male' | 'female'; age: number; dept: string }[]) {
  for (const p of people) {
    const patient = await c.call('patients.register', { name: p.name, gender: p.gender, ageYears: p.age });
    await c.call('tokens.issue', { patientId: patient.id, departmentCode: p.dept });
  }
}

describe('the whole hospital’s census', () => {
  it('adds up every counter’s own figures, and names a counter that does not answer', async () => {
    const a = await scene.counter('A');
    const b = await scene.counter('B');
    await scene.pair(a, b);
    await visits(a, [
      { name: 'Asha Rani', gender: 'female', age: 30, dept: 'MED' },
      { name: 'Vijay Pal', gender: 'male', age: 65, dept: 'EYE' },
    ]);
    await visits(b, [
      { name: 'Bala Devi', gender: 'female', age: 8, dept: 'MED' },
      { name: 'Chetan Lal', gender: 'male', age: 40, dept: 'MED' },
      { name: 'Deepa Rani', gender: 'female', age: 22, dept: 'OBG' },
    ]);
    const day = { from: '2026-11-25', to: '2026-11-25' };
    expect((await a.call('reports.census', day)).totals.tokens).toBe(2);
    const whole = await a.call('reports.hospitalCensus', day);
    expect(whole).toMatchObject({ counters: ['A', 'B'], unreachable: [] });
    expect(whole.totals).toMatchObject({ tokens: 5, newVisits: 5, registrations: 5 });
    expect(Object.fromEntries(whole.byDepartment.map((d) => [d.code, [d.tokens, d.male, d.female]]))).toEqual({
      MED: [3, 1, 2],
      EYE: [1, 1, 0],
      OBG: [1, 0, 1],
    });
    expect(whole.bySexAge.find((x) => x.band === '5-14')).toMatchObject({ female: 1 });
    const hmis = await a.call('reports.hospitalHmis', { month: '2026-11' });
    expect(hmis.rows[0]).toMatchObject({ male: 2, female: 3, total: 5 });
    // The same sum from B's side.
    expect((await b.call('reports.hospitalCensus', day)).totals.tokens).toBe(5);

    // A counter hung mid-day: the others' figures come, and the report says whose are missing.
    const hung = await blackHolePeer(a, 'C');
    scene.onClose(hung.close);
    const partial = await a.call('reports.hospitalCensus', day);
    expect(partial.totals.tokens).toBe(5);
    expect(partial.unreachable).toEqual([{ counterLetter: 'C', problem: 'timeout' }]);
    const csv = Buffer.from(
      (await a.call('reports.export', { report: 'census', ...day, format: 'csv', language: 'en', hospital: true })).base64,
      'base64',
    ).toString();
    expect(csv).toContain('Tokens,5');
    expect(csv).toContain('Not answering (left out): C (timeout)');
  }, 30_000);

  it('keeps the peer methods to peers: a window or page is refused', async () => {
    const a = await scene.counter('A');
    const r = await a.core.registry.dispatch(
      'peer.census',
      { from: '2026-11-25', to: '2026-11-25' },
      { kind: 'desk', session: null },
    );
    expect(r).toMatchObject({ ok: false, error: { code: 'UNAUTHORIZED' } });
  });

  it('adds reports up field by field, departments in the order first seen', () => {
    const one = {
      from: 'd',
      to: 'd',
      counters: ['A'],
      totals: { tokens: 2, registrations: 1, newVisits: 2, followUps: 0, cancelled: 1, transferred: 0, transferIn: 0 },
      byDay: [{ day: 'd', tokens: 2, newVisits: 2, followUps: 0, cancelled: 1 }],
      byDepartment: [
        {
          code: 'MED',
          nameEn: 'M',
          nameHi: 'म',
          tokens: 2,
          newVisits: 2,
          followUps: 0,
          cancelled: 1,
          transferred: 0,
          male: 1,
          female: 1,
          other: 0,
        },
      ],
      byHour: [{ hour: '09', tokens: 2 }],
      bySexAge: [{ band: '0-4', male: 1, female: 1, other: 0 }],
      byPriority: [{ code: 'none', tokens: 2 }],
      byCategory: [{ code: 'general', nameEn: 'General', nameHi: 'सामान्य', tokens: 2 }],
      queue: null,
    };
    const two = { ...one, counters: ['B'], byHour: [{ hour: '10', tokens: 2 }] };
    const sum = mergeCensus([one, two]);
    expect(sum.totals).toMatchObject({ tokens: 4, cancelled: 2, registrations: 2 });
    expect(sum.byHour).toEqual([
      { hour: '09', tokens: 2 },
      { hour: '10', tokens: 2 },
    ]);
    expect(sum.byDepartment[0]).toMatchObject({ code: 'MED', nameEn: 'M', tokens: 4, male: 2 });
    expect(sum.counters).toEqual(['A', 'B']);
  });
});
