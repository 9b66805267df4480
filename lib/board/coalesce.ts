// Many people opening the same heavy page at once should cost one computation, not one each; but
// nobody may get an answer computed before they asked (a figure saved just before would be missing).
// So a caller never joins a run already in flight: it waits for the next run, which starts when the
// current one ends and serves everyone who arrived meanwhile.

/** `work` shared by callers with the same key, each answered by a run that started after their call. */
export function coalesced<A, T>(work: (arg: A) => Promise<T>): (key: string, arg: A) => Promise<T> {
  const running = new Map<string, Promise<T>>();
  const queued = new Map<string, Promise<T>>();

  function start(key: string, arg: A): Promise<T> {
    const run: Promise<T> = work(arg).finally(() => {
      if (running.get(key) === run) running.delete(key);
    });
    running.set(key, run);
    return run;
  }

  return (key, arg) => {
    const next = queued.get(key);
    if (next) return next;
    const current = running.get(key);
    if (!current) return start(key, arg);
    const follow = current
      .catch(() => undefined)
      .then(() => {
        queued.delete(key);
        return start(key, arg);
      });
    queued.set(key, follow);
    return follow;
  };
}
