import net from 'node:net';

/**
 * How a subgraph misbehaves: `down` refuses connections (the process is stopped), `hung`
 * accepts them and never answers (a stuck process or a black-holed network), `html` answers
 * 200 with an HTML page (a misconfigured proxy in front of it).
 */
export type Fault = 'none' | 'down' | 'hung' | 'html';

export interface FaultyProxy {
  /** The GraphQL URL to give the gateway instead of the subgraph's own. */
  url: string;
  fault: Fault;
  set(fault: Fault): Promise<void>;
  /** Connections accepted so far. */
  readonly connections: number;
  /** HTTP requests passed on to the subgraph so far. */
  readonly requests: number;
  /** Bytes of those requests (headers and bodies) so far. */
  readonly bytesIn: number;
  /** Holds each answer back this long (a slow subgraph), 0 for none. */
  delayMs: number;
  /** Cuts the next `n` connections as soon as a request arrives on them (a reset mid-request). */
  resetNext(n: number): Promise<void>;
  close(): Promise<void>;
}

/** A TCP proxy in front of one subgraph, on a fixed port of its own, that can fail on demand. */
export async function startFaultyProxy(target: string): Promise<FaultyProxy> {
  const { hostname, port: targetPort, pathname } = new URL(target);
  const sockets = new Set<net.Socket>();
  let fault: Fault = 'none';
  let connections = 0;
  let requests = 0;
  let bytesIn = 0;
  let resets = 0;
  const track = (socket: net.Socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => socket.destroy());
  };
  const server = net.createServer((client) => {
    track(client);
    connections++;
    if (fault === 'hung') return client.resume(); // read and drop everything, answer nothing
    if (fault === 'html') {
      // A proxy's error page where GraphQL should be.
      client.once('data', () => client.end('HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: 13\r\nConnection: close\r\n\r\n<h1>oops</h1>'));
      return;
    }
    if (resets > 0) {
      resets--;
      client.once('data', () => client.destroy());
      return;
    }
    const upstream = net.connect(Number(targetPort), hostname);
    track(upstream);
    client.on('data', (chunk: Buffer) => {
      requests += chunk.toString('latin1').match(/^(POST|GET) \//gm)?.length ?? 0;
      bytesIn += chunk.length;
    });
    client.pipe(upstream);
    upstream.on('data', (chunk: Buffer) => {
      const forward = () => client.writable && client.write(chunk);
      if (proxy.delayMs > 0) setTimeout(forward, proxy.delayMs);
      else forward();
    });
    client.on('close', () => upstream.destroy());
    upstream.on('close', () => client.destroy());
  });
  const listen = (port: number) =>
    new Promise<number>((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, '127.0.0.1', () => {
        server.off('error', reject);
        resolve((server.address() as net.AddressInfo).port);
      });
    });
  const dropConnections = () => {
    for (const socket of sockets) socket.destroy();
  };
  const port = await listen(0);

  const proxy: FaultyProxy = {
    url: `http://127.0.0.1:${port}${pathname}`,
    get fault() {
      return fault;
    },
    get connections() {
      return connections;
    },
    get requests() {
      return requests;
    },
    get bytesIn() {
      return bytesIn;
    },
    delayMs: 0,
    async resetNext(n) {
      resets = n;
      // Pooled keep-alive sockets would skip the new connections; let the pool see them close.
      dropConnections();
      await new Promise((r) => setTimeout(r, 50));
    },
    async set(next) {
      if (next === fault) return;
      const wasDown = fault === 'down';
      fault = next;
      // Whatever was in flight belongs to the previous state.
      dropConnections();
      if (next === 'down') await new Promise<void>((done) => server.close(() => done()));
      else if (wasDown) await listen(port);
    },
    async close() {
      dropConnections();
      if (server.listening) await new Promise<void>((done) => server.close(() => done()));
    },
  };
  return proxy;
}
