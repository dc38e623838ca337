import cluster from 'node:cluster';

/**
 * Start-up progress for a supervisor (`npm start`, scripts/start.ts): a process it spawned with
 * an IPC channel says what it is doing, so that a slow start that keeps moving is waited for and
 * a stuck one is named. Best effort and off unless asked for: it sends only when there is an IPC
 * channel and the supervisor set PROGRESS_IPC=1, because other parents have channels of their
 * own (jest workers, a gateway's cluster primary) and a subgraph run alone has none.
 */
export interface ProgressMessage {
  type: 'progress';
  /** What the process is doing: `starting`, `migrating`, `seeding household`, `listening`, … */
  stage: string;
  done?: number;
  total?: number;
}

/** The variable a supervisor sets to ask its children for progress messages. */
export const PROGRESS_ENV = 'PROGRESS_IPC';

/** Counted messages of one stage are sent at most this often (a few a second). */
export const PROGRESS_INTERVAL_MS = 250;

export type ReportProgress = (stage: string, done?: number, total?: number) => void;

/**
 * A reporter that sends through `send`, throttled: a new stage, a stage without counts and a
 * stage's last count (done = total) go at once; further counts of the same stage wait
 * PROGRESS_INTERVAL_MS after the last message sent.
 */
export function progressReporter(send: (message: ProgressMessage) => void, now: () => number = Date.now): ReportProgress {
  let lastStage: string | undefined;
  let lastAt = -Infinity;
  return (stage, done, total) => {
    const at = now();
    const counted = done !== undefined;
    if (counted && stage === lastStage && done !== total && at - lastAt < PROGRESS_INTERVAL_MS) return;
    lastStage = stage;
    lastAt = at;
    const message: ProgressMessage = { type: 'progress', stage };
    if (counted) message.done = done;
    if (total !== undefined) message.total = total;
    send(message);
  };
}

let processReporter: ReportProgress | undefined;

let localListener: ReportProgress | undefined;

/**
 * Also hands every progress report to `listener` in this process (undefined: stop), unthrottled:
 * `npm run seed` prints them. Returns the listener it replaced.
 */
export function onProgress(listener: ReportProgress | undefined): ReportProgress | undefined {
  const before = localListener;
  localListener = listener;
  return before;
}

/** Tells the supervisor (if any) what this process is doing, and the local listener (onProgress); a no-op everywhere else. */
export function reportProgress(stage: string, done?: number, total?: number): void {
  localListener?.(stage, done, total);
  if (!process.send || !process.connected || process.env[PROGRESS_ENV] !== '1' || cluster.isWorker) return;
  if (!processReporter) {
    // A supervisor killed without stopping us (kill -9) closes the channel: stop cleanly, as on
    // SIGTERM, instead of lingering and holding the port the next `npm start` needs.
    process.once('disconnect', () => process.kill(process.pid, 'SIGTERM'));
    processReporter = progressReporter((message) => {
      // The callback takes a closed channel's error: progress never fails the process.
      if (process.connected) process.send?.(message, undefined, {}, () => {});
    });
  }
  processReporter(stage, done, total);
}
