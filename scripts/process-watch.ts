/**
 * Calls `onGone` once the process `pid` no longer exists (checked every
 * 500 ms; the timer does not keep the process alive). npm runs a script
 * through `sh -c`, and on SIGTERM npm and that shell end without passing the
 * signal on; a watched parent turns that into an orderly stop instead of an
 * orphan that keeps answering.
 */
export function whenProcessGone(pid: number, onGone: () => void): void {
  const timer = setInterval(() => {
    try {
      process.kill(pid, 0);
    } catch {
      clearInterval(timer);
      onGone();
    }
  }, 500);
  timer.unref();
}
