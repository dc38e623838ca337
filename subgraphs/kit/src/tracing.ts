import type { IncomingHttpHeaders } from 'node:http';
import { context, propagation, ROOT_CONTEXT, SpanKind, SpanStatusCode, trace, type Span } from '@opentelemetry/api';
import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { resourceFromAttributes } from '@opentelemetry/resources';
import { BatchSpanProcessor, NodeTracerProvider, type SpanProcessor } from '@opentelemetry/sdk-trace-node';
import { sqlHooks } from './db';
import { HttpError } from './http';
import type { Observed, RequestMetrics } from './metrics';

/**
 * OpenTelemetry traces, off unless an OTLP endpoint is configured (OTEL_EXPORTER_OTLP_ENDPOINT).
 * One trace per request: the gateway's request span (Apollo's gateway.request, gateway.plan and
 * gateway.fetch spans inside it), the W3C traceparent on each subgraph fetch, the subgraph's
 * request span continuing it, and a span per SQL statement. Every check below is a boolean
 * while tracing is off, so a request then pays nothing for it.
 */
let provider: NodeTracerProvider | undefined;
export const tracingEnabled = () => provider !== undefined;
export const tracer = trace.getTracer('cadres');

const MAX_STATEMENT_CHARS = 2000;

export interface Tracing {
  /** Sends what is still buffered and turns tracing off. */
  stop(): Promise<void>;
}

/**
 * Registers the process's tracer provider: spans go to `endpoint` over OTLP/HTTP (JSON), or to
 * `processor` (tests hand an in-memory exporter's).
 */
export function startTracing(opts: { service: string; endpoint?: string; processor?: SpanProcessor }): Tracing {
  if (provider) throw new Error('tracing is started already');
  const processor =
    opts.processor ?? new BatchSpanProcessor(new OTLPTraceExporter({ url: `${(opts.endpoint ?? 'http://127.0.0.1:4318').replace(/\/+$/, '')}/v1/traces` }));
  const started = new NodeTracerProvider({ resource: resourceFromAttributes({ 'service.name': opts.service }), spanProcessors: [processor] });
  // Also the AsyncLocalStorage context manager and the W3C trace-context propagator.
  started.register();
  provider = started;
  sqlHooks.onStatement = (event) => {
    // Statements outside a request (migrations, the issues sweep) would each be a trace of their own.
    if (!trace.getSpan(context.active())) return;
    const end = Date.now();
    // TypeORM reports when a statement is done and how long it took: the span is drawn backwards.
    const span = tracer.startSpan('sql', {
      kind: SpanKind.CLIENT,
      startTime: end - (event.executionTime ?? 0),
      attributes: {
        'db.system.name': event.connection.options.type === 'better-sqlite3' ? 'sqlite' : event.connection.options.type,
        // The statement without its parameters: those carry personal data (ID numbers, phones).
        'db.query.text': event.query.length > MAX_STATEMENT_CHARS ? `${event.query.slice(0, MAX_STATEMENT_CHARS)}…` : event.query,
      },
    });
    if (!event.success) span.setStatus({ code: SpanStatusCode.ERROR, message: String((event.error as Error | undefined)?.message ?? event.error) });
    span.end(end);
  };
  return {
    async stop() {
      if (provider !== started) return;
      sqlHooks.onStatement = undefined;
      provider = undefined;
      await started.shutdown();
      trace.disable();
      context.disable();
      propagation.disable();
    },
  };
}

/**
 * Runs one request inside a server span named `name`, with the request id the logs carry.
 * `headers`: the incoming request's, whose traceparent it continues (subgraphs, called by the
 * gateway); absent at the gateway, which starts every trace itself, so that a client cannot join
 * or choose one. Call only while tracingEnabled().
 */
export function inRequestSpan<T>(
  name: string,
  attributes: { service: string; requestId: string },
  headers: IncomingHttpHeaders | undefined,
  observed: Observed,
  work: () => Promise<T>,
): Promise<T> {
  const parent = headers ? propagation.extract(ROOT_CONTEXT, headers) : ROOT_CONTEXT;
  const spanAttributes = { 'service.name': attributes.service, 'request.id': attributes.requestId };
  return tracer.startActiveSpan(name, { kind: SpanKind.SERVER, attributes: spanAttributes }, parent, async (span: Span) => {
    try {
      return await work();
    } catch (e) {
      span.recordException(e as Error);
      span.setStatus({ code: SpanStatusCode.ERROR });
      throw e;
    } finally {
      if (observed.operation) span.setAttribute('graphql.operation.name', observed.operation);
      span.setAttribute('outcome', observed.outcome ?? 'ok');
      if (observed.outcome) span.setStatus({ code: SpanStatusCode.ERROR, message: observed.outcome });
      span.end();
    }
  });
}

/**
 * Serves one /graphql request of `service`: in its request span while tracing is on (continuing
 * `headers`' trace, if given; see inRequestSpan), and recorded in `metrics` however it ends: a
 * refusal thrown before Apollo answered (a bad credential, a body too large) counts under its code.
 */
export async function observeRequest(
  metrics: RequestMetrics,
  span: { name: string; service: string; requestId: string; headers?: IncomingHttpHeaders },
  observed: Observed,
  started: bigint,
  serve: () => Promise<void>,
): Promise<void> {
  try {
    if (tracingEnabled()) await inRequestSpan(span.name, { service: span.service, requestId: span.requestId }, span.headers, observed, serve);
    else await serve();
  } catch (e) {
    observed.outcome ??= e instanceof HttpError ? e.code : 'INTERNAL_SERVER_ERROR';
    throw e;
  } finally {
    metrics.record(observed, Number(process.hrtime.bigint() - started) / 1e9);
  }
}

/** Adds the current span's W3C traceparent to an outgoing request's headers (while tracing is on). */
export function injectTraceContext(headers: Record<string, string>): void {
  if (provider) propagation.inject(context.active(), headers);
}
