// Transaction Bundles, all or nothing (https://hl7.org/fhir/R4/http.html#transaction).
// Medplum's router, with `config.transactions` on, refuses a transaction with
// more than 8 entries once any entry is conditional, and more than 50 updates;
// with it off, it runs the entries as a batch and keeps whatever succeeded.
// Here the entries run as a batch (no caps) inside the repository's journal:
// the wrapper serialises every request (see hims-server.ts), so a conditional
// create cannot race another one, and the first failed entry rolls back all.
import { getStatus, OperationOutcomeError, type WithId } from '@medplum/core';
import { processBatch, type FhirRequest, type FhirRouter } from '@medplum/fhir-router';
import type { Bundle, BundleEntry } from '@medplum/fhirtypes';
import type { IndexedMemoryRepository } from './indexed-repository';
import { checkSearchUrl } from './search-params';

export async function runTransaction(
  req: FhirRequest,
  repo: IndexedMemoryRepository,
  router: FhirRouter,
  bundle: Bundle,
): Promise<WithId<Bundle> | Bundle> {
  for (const entry of bundle.entry ?? []) {
    if (entry.request?.url) checkSearchUrl(entry.request.url);
    if (entry.request?.ifNoneExist) checkSearchUrl(`${entry.request.url.split('?')[0]}?${entry.request.ifNoneExist}`);
  }
  return repo.withTransaction(async () => {
    const result = await processBatch({ ...req, config: { ...req.config, transactions: false } }, repo, router, {
      ...bundle,
      type: 'batch',
    });
    const failed = (result.entry ?? []).find((e: BundleEntry) => Number(e.response?.status ?? '500') >= 400);
    if (failed) {
      const outcome = failed.response?.outcome ?? { resourceType: 'OperationOutcome', issue: [] };
      throw new OperationOutcomeError(outcome);
    }
    return { ...result, type: 'transaction-response' as const };
  });
}

export function statusOfError(err: unknown): number {
  return err instanceof OperationOutcomeError ? getStatus(err.outcome) : 500;
}
