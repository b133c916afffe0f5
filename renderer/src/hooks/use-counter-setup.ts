// What the screen needs before the first patient: who this counter is and the
// OPD departments (with their shortcut keys), in the configured order.
import { useMemo } from 'react';
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
  const list = useCounterQuery('departments.list', {});
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
