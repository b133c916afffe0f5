// The accounts list for the admin's Accounts dialog, and the changes made
// there. Each change reloads the list, so what is shown is what the core has.
import { useCallback } from 'react';
import type { CallResult, MethodInput } from '../../../preload/contract';
import type { Clerk } from '../../../preload/contract/methods/auth-schemas';
import { useCounterMutation } from '../hooks/use-counter-mutation';
import { useCounterQuery } from '../hooks/use-counter-query';

export interface Accounts {
  clerks: Clerk[];
  loading: boolean;
  error: ReturnType<typeof useCounterQuery>['error'];
  create: (input: MethodInput<'clerks.create'>) => Promise<CallResult<Clerk> | null>;
  update: (input: MethodInput<'clerks.update'>) => Promise<CallResult<Clerk> | null>;
  pending: boolean;
}

export function useAccounts(): Accounts {
  const list = useCounterQuery('clerks.list', {});
  const createCall = useCounterMutation('clerks.create');
  const updateCall = useCounterMutation('clerks.update');
  const { reload } = list;
  const { run: runCreate } = createCall;
  const { run: runUpdate } = updateCall;

  const create = useCallback(
    async (input: MethodInput<'clerks.create'>) => {
      const result = await runCreate(input);
      if (result?.ok) reload();
      return result;
    },
    [runCreate, reload],
  );
  const update = useCallback(
    async (input: MethodInput<'clerks.update'>) => {
      const result = await runUpdate(input);
      if (result) reload();
      return result;
    },
    [runUpdate, reload],
  );

  return {
    clerks: list.data ?? [],
    loading: list.loading,
    error: list.error,
    create,
    update,
    pending: createCall.pending || updateCall.pending,
  };
}
