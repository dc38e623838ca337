import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

const MARIADBD = ['/usr/sbin/mariadbd', '/usr/bin/mariadbd', '/usr/local/bin/mariadbd'].find((p) => existsSync(p));
const INSTALL_DB = ['/usr/bin/mariadb-install-db', '/usr/local/bin/mariadb-install-db'].find((p) => existsSync(p));

/** Why a private MariaDB server cannot be started here, or null when it can. */
export const privateMariadbMissing = (): string | null =>
  MARIADBD && INSTALL_DB ? null : 'mariadbd and mariadb-install-db are not installed';

export interface PrivateMariadb {
  /** mysql://root@127.0.0.1:<port> (no database). */
  url: string;
  /** Kills the server at once (SIGKILL), as a crash or a pulled plug would. */
  kill(): Promise<void>;
  /** Starts it again on the same data directory and port. */
  start(): Promise<void>;
  /** Stops it and deletes its data directory. */
  destroy(): Promise<void>;
}

const freePort = () =>
  new Promise<number>((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });

const answers = (port: number) =>
  new Promise<boolean>((resolve) => {
    const socket = net.connect(port, '127.0.0.1');
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });

/**
 * A MariaDB server of the test's own, on its own port and data directory: never the shared one
 * on 3306, which other tests use. No grant tables, so root needs no password.
 */
export async function startPrivateMariadb(): Promise<PrivateMariadb> {
  if (!MARIADBD || !INSTALL_DB) throw new Error(privateMariadbMissing()!);
  const dir = mkdtempSync(path.join(os.tmpdir(), 'cadres-mariadb-'));
  const datadir = path.join(dir, 'data');
  const installed = spawnSync(INSTALL_DB, ['--no-defaults', `--datadir=${datadir}`, '--user=root', '--skip-test-db', '--auth-root-authentication-method=normal'], { encoding: 'utf8' });
  if (installed.status !== 0) throw new Error(`mariadb-install-db failed: ${installed.stderr || installed.stdout}`);
  const port = await freePort();
  let server: ChildProcess | undefined;

  const start = async () => {
    server = spawn(MARIADBD!, [
      '--no-defaults', `--datadir=${datadir}`, `--port=${port}`, '--bind-address=127.0.0.1', `--socket=${path.join(dir, 'sock')}`,
      '--user=root', '--skip-grant-tables', '--skip-log-bin', '--innodb-buffer-pool-size=32M', '--max-connections=200',
    ], { stdio: 'ignore' });
    for (let i = 0; i < 150; i++) {
      if (server.exitCode !== null) throw new Error(`mariadbd exited with ${server.exitCode}`);
      if (await answers(port)) return;
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error('mariadbd did not start within 15 s');
  };
  const kill = async () => {
    const running = server;
    if (!running || running.exitCode !== null || running.signalCode) return;
    const exited = new Promise((r) => running.once('exit', r));
    running.kill('SIGKILL');
    await exited;
  };

  await start();
  return {
    url: `mysql://root@127.0.0.1:${port}`,
    kill,
    start,
    async destroy() {
      await kill();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
