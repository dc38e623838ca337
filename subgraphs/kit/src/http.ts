import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { HeaderMap, type ApolloServer, type BaseContext } from '@apollo/server';
import type { Logger } from 'pino';

export class HttpError extends Error {
  constructor(readonly status: number, message: string, readonly code = 'BAD_REQUEST') {
    super(message);
  }
}

/** What one HTTP request may send and receive. */
export interface HttpLimits {
  /** Largest request body; a larger one is refused (413) as soon as it is seen. */
  maxBodyBytes: number;
  /** How long the body may take to arrive once the headers are in (a slow client holds memory). */
  bodyTimeoutMs: number;
  /** Largest response body; a larger answer is replaced by a RESPONSE_TOO_LARGE error. */
  maxResponseBytes: number;
}

export const defaultHttpLimits: HttpLimits = { maxBodyBytes: 1 << 20, bodyTimeoutMs: 10_000, maxResponseBytes: 64 << 20 };

function readBody(req: IncomingMessage, limits: HttpLimits): Promise<string> {
  const tooLarge = () => new HttpError(413, `The request body is over ${limits.maxBodyBytes} bytes`, 'REQUEST_TOO_LARGE');
  if (Number(req.headers['content-length']) > limits.maxBodyBytes) return Promise.reject(tooLarge());
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    // Stop listening on refusal: the answer goes out with `connection: close`, which drops the rest.
    const fail = (e: Error) => {
      clearTimeout(timer);
      req.removeAllListeners('data');
      req.pause();
      reject(e);
    };
    const timer = setTimeout(() => fail(new HttpError(408, 'The request body took too long to arrive', 'REQUEST_TIMEOUT')), limits.bodyTimeoutMs);
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limits.maxBodyBytes) fail(tooLarge());
      else chunks.push(chunk);
    });
    req.once('end', () => {
      clearTimeout(timer);
      resolve(Buffer.concat(chunks).toString('utf8'));
    });
    req.once('error', fail);
  });
}

/** Checks the request's payload as sent (the POST body's text, or the GET query string) before it is parsed. */
export type PayloadCheck = (payload: string) => Promise<void>;

/** Parsed JSON body (Apollo expects it parsed), or the raw text for other content types. */
async function parseBody(req: IncomingMessage, limits: HttpLimits, check?: PayloadCheck): Promise<unknown> {
  if (req.method !== 'POST') {
    await check?.(requestUrl(req).search);
    return undefined;
  }
  const text = await readBody(req, limits);
  await check?.(text);
  if (!/json/i.test(req.headers['content-type'] ?? '')) return text;
  try {
    return text ? JSON.parse(text) : {};
  } catch {
    throw new HttpError(400, 'The request body is not valid JSON');
  }
}

/**
 * The request's URL. A path such as `//` or `/\\` is a protocol-relative URL to `new URL(path, base)`,
 * which throws: prefixing the origin keeps every path a path.
 */
export const requestUrl = (req: IncomingMessage): URL => new URL(`http://localhost${req.url?.startsWith('/') ? req.url : '/'}`);

export function headerMapOf(req: IncomingMessage): HeaderMap {
  const headers = new HeaderMap();
  for (const [key, value] of Object.entries(req.headers)) {
    if (value !== undefined) headers.set(key, Array.isArray(value) ? value.join(', ') : value);
  }
  return headers;
}

/** Runs one GraphQL HTTP request through Apollo Server on a plain node:http request. */
export async function serveGraphQL<C extends BaseContext>(
  server: ApolloServer<C>,
  req: IncomingMessage,
  res: ServerResponse,
  context: () => Promise<C>,
  limits: HttpLimits = defaultHttpLimits,
  checkPayload?: PayloadCheck,
): Promise<{ status: number; body: unknown }> {
  const body = await parseBody(req, limits, checkPayload);
  const url = requestUrl(req);
  const response = await server.executeHTTPGraphQLRequest({
    httpGraphQLRequest: { method: req.method ?? 'GET', headers: headerMapOf(req), search: url.search, body },
    context,
  });
  for (const [key, value] of response.headers) res.setHeader(key, value);
  res.statusCode = response.status ?? 200;
  if (response.body.kind === 'complete') {
    if (Buffer.byteLength(response.body.string) > limits.maxResponseBytes) {
      sendJson(res, 200, {
        errors: [{ message: `The answer is over ${limits.maxResponseBytes} bytes; ask for fewer items`, extensions: { code: 'RESPONSE_TOO_LARGE', limit: limits.maxResponseBytes } }],
      });
    } else res.end(response.body.string);
  } else {
    for await (const chunk of response.body.asyncIterator) res.write(chunk);
    res.end();
  }
  return { status: res.statusCode, body };
}

export function sendJson(res: ServerResponse, status: number, value: unknown) {
  res.statusCode = status;
  res.setHeader('content-type', 'application/json; charset=utf-8');
  res.end(JSON.stringify(value));
}

export type Handler = (req: IncomingMessage, res: ServerResponse) => Promise<void>;

/**
 * A node:http server whose handler errors become a JSON error answer, never a hung socket.
 * Headers must arrive within 10 s and the whole request within 30 s, so that slow or idle
 * connections cannot pile up.
 */
export function createHttpServer(handler: Handler, log?: Logger): http.Server {
  // Connections are checked against those timeouts every second (Node's default: every 30 s).
  const server = http.createServer({ connectionsCheckingInterval: 1000 }, (req, res) => {
    handler(req, res).catch((e: unknown) => {
      const known = e instanceof HttpError ? e : undefined;
      const status = known?.status ?? 500;
      // A refusal is the client's doing; anything else is ours, and the log must have it.
      if (!known) log?.error({ err: e, url: req.url }, 'request failed');
      if (!res.headersSent) {
        // The rest of a refused body (a stranger's, a slow or a large one) is not worth reading: close once the answer is out.
        if (known && !req.complete) res.setHeader('connection', 'close');
        sendJson(res, status, {
          errors: [{ message: known ? known.message : 'Internal server error', extensions: { code: known ? known.code : 'INTERNAL_SERVER_ERROR' } }],
        });
      } else res.end();
    });
  });
  server.headersTimeout = 10_000;
  server.requestTimeout = 30_000;
  return server;
}

export interface Listening {
  url: string;
  port: number;
  close(): Promise<void>;
}

/** Listens on `port` (0 for any free one) and returns the URL and a close() that drops keep-alive sockets too. */
export function listen(server: http.Server, port: number, host = '127.0.0.1', path = '/graphql'): Promise<Listening> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      const actual = (server.address() as AddressInfo).port;
      resolve({
        url: `http://${host === '0.0.0.0' ? '127.0.0.1' : host}:${actual}${path}`,
        port: actual,
        close: () =>
          new Promise<void>((done) => {
            server.close(() => done());
            server.closeIdleConnections();
            setTimeout(() => server.closeAllConnections(), 2000).unref();
          }),
      });
    });
  });
}
