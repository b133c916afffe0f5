// Today's waiting times for this room and its department, from the recorded
// moves (queue.waitingTimes): how long patients waited to be called, how long
// a consultation takes, how many did not come.
import { useTranslation } from 'react-i18next';
import type { DurationStats, WaitingTimes } from '../../../preload/contract/methods/queue-schemas';

const minutes = (s: number | null) => (s === null ? null : Math.round(s / 60));

function Figure({ label, stats, testId }: { label: string; stats: DurationStats | undefined; testId: string }) {
  const { t } = useTranslation();
  const median = minutes(stats?.medianSeconds ?? null);
  return (
    <div className="room-figure" data-testid={testId} data-count={stats?.count ?? 0}>
      <span className="room-figure-label">{label}</span>
      <strong>{median === null ? '–' : t('room.minutes', { count: median })}</strong>
      {stats && stats.count > 0 && (
        <span className="muted">{t('room.times.over', { count: stats.count, max: minutes(stats.maxSeconds) ?? 0 })}</span>
      )}
    </div>
  );
}

export function RoomTimes({ times, departmentCode, room }: { times: WaitingTimes | null; departmentCode: string; room: string }) {
  const { t } = useTranslation();
  const mine = times?.rows.find((r) => r.departmentCode === departmentCode && r.room === room);
  const all = times?.rows.find((r) => r.departmentCode === departmentCode && r.room === null);
  return (
    <section className="room-times" data-testid="room-times" aria-label={t('room.times.title')}>
      <h2>{t('room.times.title')}</h2>
      <Figure label={t('room.times.roomWait')} stats={mine?.toFirstCall} testId="room-times-room-wait" />
      <Figure label={t('room.times.roomConsult')} stats={mine?.consultation} testId="room-times-room-consult" />
      <Figure label={t('room.times.departmentWait')} stats={all?.toFirstCall} testId="room-times-department-wait" />
      <div className="room-figure" data-testid="room-times-no-shows">
        <span className="room-figure-label">{t('room.times.noShows')}</span>
        <strong>{mine?.noShows ?? 0}</strong>
      </div>
    </section>
  );
}
