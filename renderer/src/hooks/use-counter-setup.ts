// What the screen needs before the first patient: who this counter is and the
// OPD departments (with their shortcut keys), in the configured order.
import { useEffect, useMemo } from 'react';
import { subscribeCoreEvents } from '../scanning/core-events';
import type { CallError, CounterInfo, Department } from '../../../preload/contract';
import { useCounterQuery } from './use-counter-query';

export interface CounterSetup {
  info: CounterInfo | null;
  infoError: CallError | null;
  departments: Department[];
  departmentsError: CallError | null;
  departmentByCode: ReadonlyMap<string, Department>;
}

export function useCounterSetup(): CounterSetup {
  const info = useCounterQuery('counter.info', {});
  const reloadInfo = info.reload;
  // Renamed, or the HIMS answered about the letter: the header and the warning follow.
  useEffect(() => subscribeCoreEvents((event) => event.name === 'counter.changed' && reloadInfo()), [reloadInfo]);
  const list = useCounterQuery('departments.list', {});
  const reloadList = list.reload;
  // A supervisor changed a department (here or at another window): the buttons and keys follow.
  useEffect(() => subscribeCoreEvents((event) => event.name === 'departments.changed' && reloadList()), [reloadList]);
  const departments = useMemo(
    () => (list.data ?? []).filter((d) => d.active).sort((a, b) => a.sortOrder - b.sortOrder),
    [list.data],
  );
  const departmentByCode = useMemo(() => new Map((list.data ?? []).map((d) => [d.code, d])), [list.data]);
  return {
    info: info.data,
    infoError: info.error,
    departments,
    departmentsError: list.error,
    departmentByCode,
  };
}
