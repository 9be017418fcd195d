import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** An OTLP/JSON attribute: `{ key, value: { stringValue | intValue | … } }`. */
interface OtlpAttribute {
  readonly key: string;
  readonly value: Readonly<Record<string, unknown>>;
}

/** A span as the test reads it: ids in hex, attributes flattened. */
export interface ReceivedSpan {
  readonly service: string;
  readonly traceId: string;
  readonly spanId: string;
  readonly parentSpanId: string;
  readonly name: string;
  /** OTLP's SpanKind: 1 internal, 2 server, 3 client. */
  readonly kind: number;
  readonly attributes: Readonly<Record<string, unknown>>;
}

/** A metric data point as the test reads it. */
export interface ReceivedPoint {
  readonly service: string;
  readonly name: string;
  readonly attributes: Readonly<Record<string, unknown>>;
  /** A sum's or gauge's value, a histogram's count. */
  readonly value: number;
}

function valueOf(value: Readonly<Record<string, unknown>>): unknown {
  if ('stringValue' in value) return value['stringValue'];
  if ('intValue' in value) return Number(value['intValue']);
  if ('doubleValue' in value) return Number(value['doubleValue']);
  if ('boolValue' in value) return value['boolValue'];
  return value;
}

function attributesOf(attributes: readonly OtlpAttribute[] | undefined): Record<string, unknown> {
  return Object.fromEntries((attributes ?? []).map(({ key, value }) => [key, valueOf(value)]));
}

interface Resource {
  readonly resource?: { readonly attributes?: readonly OtlpAttribute[] };
}

function serviceOf(entry: Resource): string {
  const name = attributesOf(entry.resource?.attributes)['service.name'];
  return typeof name === 'string' ? name : '';
}

interface OtlpSpan {
  traceId: string;
  spanId: string;
  parentSpanId?: string;
  name: string;
  kind: number;
  attributes?: OtlpAttribute[];
}
interface OtlpPoint {
  attributes?: OtlpAttribute[];
  asInt?: string | number;
  asDouble?: number;
  count?: string | number;
}
interface OtlpMetric {
  name: string;
  sum?: { dataPoints: OtlpPoint[] };
  gauge?: { dataPoints: OtlpPoint[] };
  histogram?: { dataPoints: OtlpPoint[] };
}

/**
 * A small OTLP/HTTP receiver on 127.0.0.1 for the apps' OTLP exporters (JSON bodies): keeps every
 * body as received (for the secret scan) and every span and metric point, flattened.
 */
export class OtlpReceiver {
  readonly bodies: string[] = [];
  readonly spans: ReceivedSpan[] = [];
  readonly points: ReceivedPoint[] = [];
  private constructor(
    private readonly server: Server,
    readonly url: string,
  ) {}

  static async start(): Promise<OtlpReceiver> {
    const received: { path: string; body: string }[] = [];
    let deliver = (path: string, body: string): void => {
      received.push({ path, body });
    };
    const server = createServer((request, response) => {
      const chunks: Buffer[] = [];
      request.on('data', (chunk: Buffer) => chunks.push(chunk));
      request.on('end', () => {
        deliver(request.url ?? '', Buffer.concat(chunks).toString('utf8'));
        response.writeHead(200, { 'Content-Type': 'application/json' }).end('{}');
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    const receiver = new OtlpReceiver(server, `http://127.0.0.1:${port}`);
    deliver = (path, body) => {
      receiver.receive(path, body);
    };
    for (const { path, body } of received) receiver.receive(path, body);
    return receiver;
  }

  private receive(path: string, body: string): void {
    this.bodies.push(body);
    if (path === '/v1/traces') {
      const parsed = JSON.parse(body) as {
        resourceSpans: (Resource & { scopeSpans: { spans: OtlpSpan[] }[] })[];
      };
      for (const entry of parsed.resourceSpans)
        for (const scope of entry.scopeSpans)
          for (const span of scope.spans)
            this.spans.push({
              service: serviceOf(entry),
              traceId: span.traceId,
              spanId: span.spanId,
              parentSpanId: span.parentSpanId ?? '',
              name: span.name,
              kind: span.kind,
              attributes: attributesOf(span.attributes),
            });
    } else if (path === '/v1/metrics') {
      const parsed = JSON.parse(body) as {
        resourceMetrics: (Resource & { scopeMetrics: { metrics: OtlpMetric[] }[] })[];
      };
      for (const entry of parsed.resourceMetrics)
        for (const scope of entry.scopeMetrics)
          for (const metric of scope.metrics) {
            const data = metric.sum ?? metric.gauge ?? metric.histogram;
            for (const point of data?.dataPoints ?? [])
              this.points.push({
                service: serviceOf(entry),
                name: metric.name,
                attributes: attributesOf(point.attributes),
                value: Number(point.count ?? point.asInt ?? point.asDouble ?? 0),
              });
          }
    }
  }

  /**
   * A metric's value over the points with (at least) these attributes: each point is cumulative,
   * so the largest value of each distinct set of attributes, summed over the sets.
   */
  pointValue(name: string, attributes: Readonly<Record<string, unknown>>): number {
    const largest = new Map<string, number>();
    for (const point of this.points)
      if (
        point.name === name &&
        Object.entries(attributes).every(([key, value]) => point.attributes[key] === value)
      ) {
        const key = JSON.stringify(point.attributes);
        largest.set(key, Math.max(largest.get(key) ?? 0, point.value));
      }
    return [...largest.values()].reduce((sum, value) => sum + value, 0);
  }

  /** Resolves once `condition` holds, checking as exports arrive (rejects after `limitMs`). */
  async until(condition: () => boolean, what: string, limitMs = 15_000): Promise<void> {
    const deadline = Date.now() + limitMs;
    while (!condition()) {
      if (Date.now() > deadline) throw new Error(`the telemetry never showed ${what}`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }

  stop(): Promise<void> {
    return new Promise((resolve) => {
      this.server.close(() => {
        resolve();
      });
    });
  }
}
