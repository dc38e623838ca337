// What `npm start` (scripts/start.ts) does with its processes: start each one and wait while it
// reports progress, restart one that crashes later with a growing back-off, and give up on one
// that keeps crashing. The decisions are small classes, tested without spawning anything
// (test/supervisor.test.ts); `Supervisor` wires them to child processes.
import { spawn, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';
// Only the protocol, not the whole kit (TypeORM and all) that the index would load.
import { PROGRESS_ENV, type ProgressMessage } from '../subgraphs/kit/src/progress';

export interface RestartPolicy {
  /** The first restart waits this long; each further crash in a row doubles it … */
  baseDelayMs: number;
  /** … up to this. */
  maxDelayMs: number;
  /** A run at least this long was healthy: the next crash starts the back-off again. */
  healthyAfterMs: number;
  /** This many crashes within `crashWindowMs` and the process is given up on. */
  maxCrashes: number;
  crashWindowMs: number;
}

export const defaultRestartPolicy: RestartPolicy = {
  baseDelayMs: 1000,
  maxDelayMs: 30_000,
  healthyAfterMs: 60_000,
  maxCrashes: 5,
  crashWindowMs: 60_000,
};

export type CrashDecision =
  | { restart: true; delayMs: number; crashesInWindow: number }
  | { restart: false; crashesInWindow: number };

/** One process's crashes: how long to wait before starting it again, or whether to give up. */
export class CrashHistory {
  private recent: number[] = [];
  private streak = 0;

  constructor(private readonly policy: RestartPolicy = defaultRestartPolicy) {}

  /** The process crashed at `now` after running for `ranMs`. */
  crashed(now: number, ranMs: number): CrashDecision {
    const p = this.policy;
    if (ranMs >= p.healthyAfterMs) this.streak = 0;
    this.streak++;
    this.recent = this.recent.filter((t) => now - t < p.crashWindowMs);
    this.recent.push(now);
    const crashesInWindow = this.recent.length;
    if (crashesInWindow >= p.maxCrashes) return { restart: false, crashesInWindow };
    return { restart: true, delayMs: Math.min(p.maxDelayMs, p.baseDelayMs * 2 ** (this.streak - 1)), crashesInWindow };
  }
}

/** A message from a child, if it is a progress message (anything else is ignored). */
export function parseProgress(message: unknown): ProgressMessage | undefined {
  if (typeof message !== 'object' || message === null) return undefined;
  const m = message as Record<string, unknown>;
  if (m.type !== 'progress' || typeof m.stage !== 'string') return undefined;
  const count = (v: unknown) => (typeof v === 'number' && Number.isFinite(v) ? v : undefined);
  const out: ProgressMessage = { type: 'progress', stage: m.stage };
  const done = count(m.done);
  const total = count(m.total);
  if (done !== undefined) out.done = done;
  if (done !== undefined && total !== undefined) out.total = total;
  return out;
}

const number = (n: number) => n.toLocaleString('en-US');

/** `seeding household 4,000 of 8,750`, `listening`. */
export function describeProgress(p: Pick<ProgressMessage, 'stage' | 'done' | 'total'>): string {
  if (p.done === undefined) return p.stage;
  return `${p.stage} ${number(p.done)}${p.total === undefined ? '' : ` of ${number(p.total)}`}`;
}

/** `code 1`, `signal SIGKILL`. */
export const describeExit = (code: number | null, signal: NodeJS.Signals | null) => (signal ? `signal ${signal}` : `code ${code}`);

/** `500ms`, `2s`, `1.5s`. */
export const describeDelay = (ms: number) => (ms < 1000 ? `${ms}ms` : `${Number((ms / 1000).toFixed(1))}s`);

/**
 * Progress of one process: when it was last heard from, what it said, and which messages are
 * worth printing (a stage without counts always; counts at most once per `printEveryMs`, as a
 * seed sends several a second).
 */
export class ProgressWatch {
  lastStage = 'spawned';
  private lastAt: number;
  private printedAt = -Infinity;

  constructor(
    now: number,
    private readonly printEveryMs = 500,
  ) {
    this.lastAt = now;
  }

  /** Records `p`; returns whether to print it. */
  progressed(p: ProgressMessage, now: number): boolean {
    this.lastStage = describeProgress(p);
    this.lastAt = now;
    if (p.done !== undefined && now - this.printedAt < this.printEveryMs) return false;
    this.printedAt = now;
    return true;
  }

  /** How long it has been silent, when that is at least `stallMs`. */
  stalledFor(now: number, stallMs: number): number | undefined {
    const silent = now - this.lastAt;
    return silent >= stallMs ? silent : undefined;
  }
}

/** A fixed-size list of a process's last output lines, for the message when it fails. */
export class LastLines {
  private lines: string[] = [];
  constructor(private readonly size = 8) {}
  push(line: string) {
    this.lines.push(line);
    if (this.lines.length > this.size) this.lines.shift();
  }
  get all(): readonly string[] {
    return this.lines;
  }
}

export interface ProcessSpec {
  name: string;
  command: string;
  args: string[];
  cwd?: string;
  env?: NodeJS.ProcessEnv;
  /** True once the process serves (its /health or /ready); polled while it starts. */
  ready: () => Promise<boolean>;
  /**
   * The progress stage after which `ready` is asked: until the process itself says it listens,
   * an answer on its port comes from someone else (a stale process left from an earlier run).
   */
  readyAfterStage?: string;
}

export interface SupervisorOptions {
  policy?: Partial<RestartPolicy>;
  /** Start-up fails when a process says nothing for this long. */
  stallMs?: number;
  /** How often `ready` is asked while a process starts. */
  pollMs?: number;
  /** Counted progress lines are printed at most this often per process. */
  printEveryMs?: number;
  /** On stop, a process still running after this long is killed (SIGKILL). */
  stopTimeoutMs?: number;
  log?: (line: string) => void;
  /** A process kept crashing (the reason says which and how); the caller stops everything. */
  onGiveUp?: (reason: string) => void;
  now?: () => number;
}

/** Why start-up failed: a process exited or stalled before it was ready. */
export class StartupError extends Error {
  constructor(
    readonly kind: 'exited' | 'stalled',
    message: string,
  ) {
    super(message);
  }
}

interface Managed {
  spec: ProcessSpec;
  child?: ChildProcess;
  startedAt: number;
  progress: ProgressWatch;
  /** Whether it reported spec.readyAfterStage (or has none to wait for). */
  reachedReadyStage: boolean;
  output: LastLines;
  history: CrashHistory;
  restartTimer?: NodeJS.Timeout;
  /** Set while it starts (until ready): ends the start-up wait with this error. */
  failStart?: (error: StartupError) => void;
}

export class Supervisor {
  private readonly processes = new Map<string, Managed>();
  private readonly policy: RestartPolicy;
  private readonly stallMs: number;
  private readonly now: () => number;
  private readonly log: (line: string) => void;
  private stopped?: Promise<void>;

  constructor(private readonly opts: SupervisorOptions = {}) {
    this.policy = { ...defaultRestartPolicy, ...opts.policy };
    this.stallMs = opts.stallMs ?? 120_000;
    this.now = opts.now ?? Date.now;
    this.log = opts.log ?? ((line) => console.log(line));
  }

  /** The running process's pid (for tests and messages). */
  pid(name: string): number | undefined {
    return this.processes.get(name)?.child?.pid;
  }

  /**
   * Starts the process and resolves once `ready` answers true. Rejects with a StartupError when
   * it exits first, or says nothing for the stall window: a process that keeps reporting
   * progress is waited for however long it takes. Once ready, a crash means a restart. After
   * stop() the promise never settles (the caller is on its way out).
   */
  start(spec: ProcessSpec): Promise<void> {
    if (this.processes.has(spec.name)) throw new Error(`${spec.name} is already started`);
    const m: Managed = {
      spec,
      startedAt: this.now(),
      progress: new ProgressWatch(this.now(), this.opts.printEveryMs),
      reachedReadyStage: spec.readyAfterStage === undefined,
      output: new LastLines(),
      history: new CrashHistory(this.policy),
    };
    this.processes.set(spec.name, m);
    return new Promise<void>((resolve, reject) => {
      let timer: NodeJS.Timeout | undefined;
      m.failStart = (error) => {
        clearTimeout(timer);
        m.failStart = undefined;
        reject(error);
      };
      this.spawn(m);
      const poll = async () => {
        if (this.stopped || !m.failStart) return;
        let ready = false;
        try {
          ready = m.reachedReadyStage && (await spec.ready());
        } catch {
          // not answering yet
        }
        if (this.stopped || !m.failStart) return;
        if (ready) {
          m.failStart = undefined;
          resolve();
          return;
        }
        const silent = m.progress.stalledFor(this.now(), this.stallMs);
        if (silent !== undefined) {
          m.failStart(
            new StartupError('stalled', `[${spec.name}] made no progress for ${describeDelay(silent)} (last stage: ${m.progress.lastStage})`),
          );
          return;
        }
        timer = setTimeout(() => void poll(), this.opts.pollMs ?? 250);
      };
      void poll();
    });
  }

  /** Stops every process (SIGTERM, then SIGKILL after stopTimeoutMs); no restarts after this. */
  stop(): Promise<void> {
    this.stopped ??= Promise.all(
      [...this.processes.values()].map((m) => {
        clearTimeout(m.restartTimer);
        const child = m.child;
        if (!child) return undefined;
        return new Promise<void>((resolve) => {
          const kill = setTimeout(() => {
            this.log(`[${m.spec.name}] did not stop within ${describeDelay(this.opts.stopTimeoutMs ?? 10_000)}; killing it`);
            child.kill('SIGKILL');
          }, this.opts.stopTimeoutMs ?? 10_000);
          child.once('close', () => {
            clearTimeout(kill);
            resolve();
          });
          child.kill('SIGTERM');
        });
      }),
    ).then(() => undefined);
    return this.stopped;
  }

  private spawn(m: Managed) {
    const { spec } = m;
    const child = spawn(spec.command, spec.args, {
      cwd: spec.cwd,
      env: { ...(spec.env ?? process.env), [PROGRESS_ENV]: '1' },
      // The fourth entry is the IPC channel progress messages come over.
      stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
    });
    m.child = child;
    m.startedAt = this.now();
    for (const stream of [child.stdout!, child.stderr!]) {
      createInterface({ input: stream }).on('line', (line) => {
        m.output.push(line);
        this.log(`[${spec.name}] ${line}`);
      });
    }
    child.on('message', (message) => {
      const p = parseProgress(message);
      if (!p) return;
      if (p.stage === spec.readyAfterStage) m.reachedReadyStage = true;
      if (m.progress.progressed(p, this.now())) this.log(`[${spec.name}] ${describeProgress(p)}`);
    });
    child.on('error', (e) => this.log(`[${spec.name}] ${e.message}`));
    // 'close', not 'exit': by then its last output lines have been read, for the message below.
    child.once('close', (code, signal) => this.exited(m, child, code, signal));
  }

  private exited(m: Managed, child: ChildProcess, code: number | null, signal: NodeJS.Signals | null) {
    if (m.child !== child) return;
    m.child = undefined;
    if (this.stopped) return;
    const { name } = m.spec;
    const how = describeExit(code, signal);
    if (m.failStart) {
      const output = m.output.all.length ? `; its last output:\n  ${m.output.all.join('\n  ')}` : '; it printed nothing';
      m.failStart(new StartupError('exited', `[${name}] exited (${how}) during start-up (last stage: ${m.progress.lastStage})${output}`));
      return;
    }
    const now = this.now();
    const decision = m.history.crashed(now, now - m.startedAt);
    const crashes = `crash ${decision.crashesInWindow} of ${this.policy.maxCrashes} within ${describeDelay(this.policy.crashWindowMs)}`;
    if (!decision.restart) {
      const reason = `[${name}] exited (${how}); ${crashes}: it keeps crashing, so everything stops`;
      this.log(reason);
      this.opts.onGiveUp?.(reason);
      return;
    }
    this.log(`[${name}] exited (${how}); restarting in ${describeDelay(decision.delayMs)} (${crashes})`);
    m.restartTimer = setTimeout(() => {
      m.restartTimer = undefined;
      if (!this.stopped) this.spawn(m);
    }, decision.delayMs);
  }
}
