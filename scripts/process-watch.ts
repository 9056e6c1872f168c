import { readFileSync } from 'node:fs';

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

/**
 * The process's ancestors up to and including npm (Linux /proc; just the parent elsewhere):
 * `npm start` → `sh -c` → this script. On SIGTERM npm can die while its shell lives on, so the
 * shell alone is not enough to watch.
 */
export function npmAncestors(): number[] {
  const chain: number[] = [process.ppid];
  for (let pid = process.ppid; chain.length < 5;) {
    let cmdline: string;
    let parent: number;
    try {
      cmdline = readFileSync(`/proc/${pid}/cmdline`, 'utf8');
      // Field 4 of /proc/<pid>/stat, after the parenthesised command name.
      parent = Number(readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ')[1]);
    } catch {
      break;
    }
    if (/(^|\/|\0)npm(\0|$| )|npm-cli/.test(cmdline)) break;
    if (!parent || parent <= 1) break;
    chain.push(parent);
    pid = parent;
  }
  return chain;
}
