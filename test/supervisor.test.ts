// npm start's supervision (scripts/supervisor.ts): the decisions on their own with explicit
// times, then the Supervisor with tiny throwaway node scripts in place of the real stack.
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import path from 'node:path';
import { progressReporter, PROGRESS_INTERVAL_MS, type ProgressMessage } from '@cadres/kit/src/progress';
import {
  CrashHistory,
  defaultRestartPolicy,
  describeDelay,
  describeExit,
  describeProgress,
  LastLines,
  parseProgress,
  ProgressWatch,
  StartupError,
  Supervisor,
  type ProcessSpec,
  type SupervisorOptions,
} from '../scripts/supervisor';

const root = path.resolve(__dirname, '..');
// node args for a child that loads kit progress.ts (through tsx) and runs `body`.
const kitChild = (body: string) => [
  '--import',
  'tsx',
  '-e',
  `const { reportProgress } = require(${JSON.stringify(path.join(root, 'subgraphs/kit/src/progress.ts'))});\n${body}`,
];

describe('CrashHistory', () => {
  it('doubles the delay from 1s and gives up at the fifth crash within a minute', () => {
    const history = new CrashHistory();
    const decisions = [0, 2_000, 5_000, 10_000, 19_000].map((t) => history.crashed(t, 1_000));
    expect(decisions).toEqual([
      { restart: true, delayMs: 1000, crashesInWindow: 1 },
      { restart: true, delayMs: 2000, crashesInWindow: 2 },
      { restart: true, delayMs: 4000, crashesInWindow: 3 },
      { restart: true, delayMs: 8000, crashesInWindow: 4 },
      { restart: false, crashesInWindow: 5 },
    ]);
  });

  it('caps the delay at 30s and keeps restarting while crashes are more than a minute apart', () => {
    const history = new CrashHistory();
    // Each run lasts 50 s: never healthy long enough to reset, never 5 crashes in a window.
    const delays: number[] = [];
    const inWindow: number[] = [];
    let t = 0;
    for (let i = 0; i < 7; i++) {
      const d = history.crashed(t, 50_000);
      if (!d.restart) throw new Error(`gave up at crash ${i + 1}`);
      delays.push(d.delayMs);
      inWindow.push(d.crashesInWindow);
      t += d.delayMs + 50_000;
    }
    expect(delays).toEqual([1000, 2000, 4000, 8000, 16000, 30000, 30000]);
    // Crashes 51 s, 52 s, 54 s, 58 s, then 66 s and 80 s apart.
    expect(inWindow).toEqual([1, 2, 2, 2, 2, 1, 1]);
  });

  it('starts the back-off again after a run of a minute', () => {
    const history = new CrashHistory();
    expect(history.crashed(0, 10)).toEqual({ restart: true, delayMs: 1000, crashesInWindow: 1 });
    expect(history.crashed(1_100, 100)).toEqual({ restart: true, delayMs: 2000, crashesInWindow: 2 });
    // Healthy for 60 s: 1 s again, and the old crashes have left the window.
    expect(history.crashed(63_200, 60_000)).toEqual({ restart: true, delayMs: 1000, crashesInWindow: 1 });
  });

  it('follows a custom policy', () => {
    const history = new CrashHistory({ ...defaultRestartPolicy, baseDelayMs: 100, maxDelayMs: 250, maxCrashes: 4 });
    expect([0, 1, 2, 3].map((t) => history.crashed(t, 0))).toEqual([
      { restart: true, delayMs: 100, crashesInWindow: 1 },
      { restart: true, delayMs: 200, crashesInWindow: 2 },
      { restart: true, delayMs: 250, crashesInWindow: 3 },
      { restart: false, crashesInWindow: 4 },
    ]);
  });
});

describe('progress messages', () => {
  it('parses only progress messages, keeping finite counts', () => {
    expect(parseProgress({ type: 'progress', stage: 'seeding household', done: 4000, total: 8750 })).toEqual({
      type: 'progress',
      stage: 'seeding household',
      done: 4000,
      total: 8750,
    });
    expect(parseProgress({ type: 'progress', stage: 'listening', extra: 1 })).toEqual({ type: 'progress', stage: 'listening' });
    expect(parseProgress({ type: 'progress', stage: 'x', done: Infinity, total: 3 })).toEqual({ type: 'progress', stage: 'x' });
    expect(parseProgress({ type: 'progress', stage: 'x', total: 3 })).toEqual({ type: 'progress', stage: 'x' });
    expect(parseProgress({ type: 'progress', stage: 'x', done: '1' })).toEqual({ type: 'progress', stage: 'x' });
    expect(parseProgress({ type: 'other', stage: 'x' })).toBeUndefined();
    expect(parseProgress({ type: 'progress' })).toBeUndefined();
    expect(parseProgress([1, 'x'])).toBeUndefined();
    expect(parseProgress(null)).toBeUndefined();
    expect(parseProgress('progress')).toBeUndefined();
  });

  it('describes progress, exits and delays for people', () => {
    expect(describeProgress({ stage: 'seeding households', done: 4000, total: 8750 })).toBe('seeding households 4,000 of 8,750');
    expect(describeProgress({ stage: 'seeding issues', done: 12 })).toBe('seeding issues 12');
    expect(describeProgress({ stage: 'listening' })).toBe('listening');
    expect(describeExit(1, null)).toBe('code 1');
    expect(describeExit(null, 'SIGKILL')).toBe('signal SIGKILL');
    expect([250, 1000, 1500, 30_000, 60_000].map(describeDelay)).toEqual(['250ms', '1s', '1.5s', '30s', '60s']);
  });

  it('the kit reporter sends new stages, milestones and last counts at once, and other counts at most every 250ms', () => {
    const sent: ProgressMessage[] = [];
    let now = 1000;
    const report = progressReporter((m) => sent.push(m), () => now);
    report('starting');
    report('seeding household', 200, 1000); // a new stage
    now += 100;
    report('seeding household', 400, 1000); // too soon: dropped
    now += PROGRESS_INTERVAL_MS - 100;
    report('seeding household', 600, 1000); // 250 ms after the last sent
    now += 1;
    report('seeding household', 1000, 1000); // the last count always goes
    report('seeding resident', 200, 400); // a new stage
    report('seeding resident', 300, 400); // too soon
    report('listening'); // a milestone
    expect(sent).toEqual([
      { type: 'progress', stage: 'starting' },
      { type: 'progress', stage: 'seeding household', done: 200, total: 1000 },
      { type: 'progress', stage: 'seeding household', done: 600, total: 1000 },
      { type: 'progress', stage: 'seeding household', done: 1000, total: 1000 },
      { type: 'progress', stage: 'seeding resident', done: 200, total: 400 },
      { type: 'progress', stage: 'listening' },
    ]);
  });

  it('ProgressWatch prints counts at most every printEveryMs and tells a stall from silence', () => {
    const watch = new ProgressWatch(0, 500);
    expect(watch.stalledFor(999, 1000)).toBeUndefined();
    expect(watch.stalledFor(1000, 1000)).toBe(1000);
    expect(watch.lastStage).toBe('spawned');
    const at = (stage: string, done?: number, total?: number): ProgressMessage => ({ type: 'progress', stage, done, total });
    expect(watch.progressed(at('seeding household', 200, 900), 1000)).toBe(true);
    expect(watch.progressed(at('seeding household', 400, 900), 1200)).toBe(false);
    expect(watch.progressed(at('seeding household', 600, 900), 1500)).toBe(true);
    expect(watch.progressed(at('listening'), 1501)).toBe(true);
    expect(watch.lastStage).toBe('listening');
    expect(watch.stalledFor(2000, 1000)).toBeUndefined();
    expect(watch.stalledFor(2501, 1000)).toBe(1000);
  });

  it('LastLines keeps the last few lines', () => {
    const lines = new LastLines(3);
    for (const l of ['a', 'b', 'c', 'd', 'e']) lines.push(l);
    expect(lines.all).toEqual(['c', 'd', 'e']);
  });
});

describe('Supervisor with throwaway child scripts', () => {
  let supervisor: Supervisor | undefined;
  let lines: string[];
  afterEach(async () => {
    await supervisor?.stop();
    supervisor = undefined;
  });

  const make = (opts: SupervisorOptions = {}) => {
    lines = [];
    supervisor = new Supervisor({ pollMs: 20, printEveryMs: 0, stopTimeoutMs: 2000, log: (l) => lines.push(l), ...opts });
    return supervisor;
  };
  // `send` in the scripts: a progress message, as kit reportProgress sends it.
  const script = (name: string, body: string, extra: Partial<ProcessSpec> = {}): ProcessSpec => ({
    name,
    command: process.execPath,
    args: ['-e', `const send = (stage, done, total) => process.send({ type: 'progress', stage, done, total });\n${body}`],
    cwd: root,
    ready: async () => true,
    readyAfterStage: 'listening',
    ...extra,
  });

  it('waits past the stall window while progress keeps coming, then is ready', async () => {
    // A window wide enough for a child's boot on a loaded machine (the first report comes after it).
    const s = make({ stallMs: 2000 });
    // 8 reports 500 ms apart: 4 s in all, twice the stall window.
    await s.start(
      script(
        'slow',
        `if (process.env.PROGRESS_IPC !== '1') process.exit(9);
         let i = 0;
         send('starting');
         const t = setInterval(() => { i++; send('seeding rows', i * 100, 800); if (i === 8) { clearInterval(t); send('listening'); setInterval(() => {}, 1000); } }, 500);`,
      ),
    );
    expect(lines[0]).toBe('[slow] starting');
    expect(lines).toContain('[slow] seeding rows 800 of 800');
    expect(lines[lines.length - 1]).toBe('[slow] listening');
  });

  it('fails start-up when a process exits, with its exit code, last stage and last output', async () => {
    const s = make();
    const error = await s.start(script('crasher', `send('migrating'); console.error('boom: no database'); setTimeout(() => process.exit(3), 50);`)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StartupError);
    expect((error as StartupError).kind).toBe('exited');
    expect((error as StartupError).message).toBe('[crasher] exited (code 3) during start-up (last stage: migrating); its last output:\n  boom: no database');
  });

  it('fails start-up when a process reports nothing for the stall window, naming its last stage', async () => {
    const s = make({ stallMs: 800 });
    const started = Date.now();
    const error = await s.start(script('staller', `send('seeding rows', 5, 10); setInterval(() => {}, 1000);`)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StartupError);
    expect((error as StartupError).kind).toBe('stalled');
    expect((error as StartupError).message).toMatch(/^\[staller\] made no progress for \d+ms \(last stage: seeding rows 5 of 10\)$/);
    expect(Date.now() - started).toBeLessThan(3000);
    expect(s.pid('staller')).toEqual(expect.any(Number)); // still running: the caller stops everything
  });

  it('does not take an answer on the port for readiness before the process says it listens', async () => {
    const s = make({ stallMs: 800 });
    const error = await s.start(script('imposter', `send('starting'); setInterval(() => {}, 1000);`)).catch((e: unknown) => e);
    expect((error as StartupError).message).toMatch(/^\[imposter\] made no progress for \d+ms \(last stage: starting\)$/);
  });

  it('restarts a process that crashes after start-up with a back-off, then gives up', async () => {
    let gaveUp = '';
    const s = make({ policy: { baseDelayMs: 50, maxCrashes: 3 }, onGiveUp: (reason) => (gaveUp = reason) });
    await s.start(script('flaky', `send('listening'); setTimeout(() => process.exit(1), 100);`));
    const firstPid = s.pid('flaky');
    await waitUntil(() => gaveUp !== '');
    const restarts = lines.filter((l) => l.includes('exited'));
    expect(restarts).toEqual([
      '[flaky] exited (code 1); restarting in 50ms (crash 1 of 3 within 60s)',
      '[flaky] exited (code 1); restarting in 100ms (crash 2 of 3 within 60s)',
      '[flaky] exited (code 1); crash 3 of 3 within 60s: it keeps crashing, so everything stops',
    ]);
    expect(gaveUp).toBe(restarts[2]);
    expect(lines.filter((l) => l === '[flaky] listening')).toHaveLength(3);
    expect(firstPid).toEqual(expect.any(Number));
    expect(s.pid('flaky')).toBeUndefined();
  });

  it('restarts a killed process and stops everything on stop(), killing one that ignores SIGTERM', async () => {
    const s = make({ policy: { baseDelayMs: 50 }, stopTimeoutMs: 300 });
    await s.start(script('steady', `send('listening'); setInterval(() => {}, 1000);`));
    await s.start(script('stubborn', `process.on('SIGTERM', () => {}); send('listening'); setInterval(() => {}, 1000);`));
    const first = s.pid('steady')!;
    process.kill(first, 'SIGKILL');
    await waitUntil(() => s.pid('steady') !== undefined && s.pid('steady') !== first && lines.filter((l) => l === '[steady] listening').length === 2);
    expect(lines).toContain('[steady] exited (signal SIGKILL); restarting in 50ms (crash 1 of 5 within 60s)');
    const pids = [s.pid('steady')!, s.pid('stubborn')!];
    await s.stop();
    expect(lines).toContain('[stubborn] did not stop within 300ms; killing it');
    expect(lines.some((l) => l.startsWith('[steady] did not stop'))).toBe(false);
    for (const pid of pids) expect(alive(pid)).toBe(false);
    expect([s.pid('steady'), s.pid('stubborn')]).toEqual([undefined, undefined]);
  });

  it('hears kit reportProgress from a real child, throttled', async () => {
    const s = make();
    await s.start({
      name: 'kit',
      command: process.execPath,
      args: kitChild(
        `reportProgress('starting');
         for (let i = 1; i <= 5; i++) reportProgress('seeding household', i * 200, 1000); // the 2nd to 4th are too soon
         reportProgress('listening'); setInterval(() => {}, 1000);`,
      ),
      cwd: root,
      ready: async () => true,
      readyAfterStage: 'listening',
    });
    expect(lines).toEqual(['[kit] starting', '[kit] seeding household 200 of 1,000', '[kit] seeding household 1,000 of 1,000', '[kit] listening']);
  });
});

describe('kit reportProgress', () => {
  it('sends nothing unless the supervisor asked for it with PROGRESS_IPC=1', async () => {
    const messages: unknown[] = [];
    const child = spawn(process.execPath, kitChild(`reportProgress('starting'); setTimeout(() => {}, 300);`), {
      cwd: root,
      env: { ...process.env, PROGRESS_IPC: '' },
      stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
    });
    child.on('message', (m) => messages.push(m));
    const [code] = (await once(child, 'exit')) as [number | null];
    expect(code).toBe(0);
    expect(messages).toEqual([]);
  });

  it('stops the child (as SIGTERM would) when the supervisor goes away without stopping it', async () => {
    const child = spawn(process.execPath, kitChild(`reportProgress('listening'); setInterval(() => {}, 1000);`), {
      cwd: root,
      env: { ...process.env, PROGRESS_IPC: '1' },
      stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
    });
    expect(await once(child, 'message')).toEqual([{ type: 'progress', stage: 'listening' }]);
    const exit = once(child, 'exit');
    child.disconnect(); // what a supervisor killed with SIGKILL leaves behind
    expect(await exit).toEqual([null, 'SIGTERM']);
  });
});

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

async function waitUntil(condition: () => boolean, ms = 5000): Promise<void> {
  const until = Date.now() + ms;
  while (!condition()) {
    if (Date.now() > until) throw new Error('timed out waiting');
    await new Promise((r) => setTimeout(r, 20));
  }
}
