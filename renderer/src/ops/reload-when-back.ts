// After a restore the counter restarts onto the restored database. The
// desktop app relaunches by itself; a browser page must load again from the
// restarted server (its page cookie is per launch), once that answers.
export function reloadWhenBack(): void {
  if (typeof window === 'undefined' || window.counter) return;
  const started = Date.now();
  const attempt = () => {
    if (Date.now() - started > 120_000) return;
    fetch('/', { cache: 'no-store' }).then(
      (r) => (r.ok ? window.location.reload() : window.setTimeout(attempt, 1000)),
      () => window.setTimeout(attempt, 1000),
    );
  };
  // The server answers the restore before it goes down: give it a moment to go.
  window.setTimeout(attempt, 2500);
}
