// Exponential back-off with jitter ("equal jitter": half fixed, half random),
// so a hundred counters coming back after an outage do not retry in step.
// The server's Retry-After, when given, is a floor.
export interface BackoffPolicy {
  baseMs: number;
  maxMs: number;
}

export const DEFAULT_BACKOFF: BackoffPolicy = { baseMs: 2_000, maxMs: 5 * 60_000 };

export function backoffDelay(
  failures: number,
  random: () => number,
  policy: BackoffPolicy = DEFAULT_BACKOFF,
  retryAfterMs: number | null = null,
): number {
  const cap = Math.min(policy.maxMs, policy.baseMs * 2 ** Math.max(0, Math.min(failures - 1, 20)));
  const delay = Math.round(cap / 2 + (cap / 2) * random());
  return Math.max(delay, Math.min(retryAfterMs ?? 0, policy.maxMs * 2));
}
