import { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from 'prom-client';
import type { RouteHandler } from '../http/server.ts';

/** Mnemo's Prometheus metrics, all prefixed `mnemo_`. */
export class Metrics {
  readonly registry = new Registry();
  readonly answers = new Counter({
    name: 'mnemo_answers_total',
    help: 'Answers graded, by verdict (correct, close, wrong, self).',
    labelNames: ['verdict'] as const,
    registers: [this.registry],
  });
  readonly answerSeconds = new Histogram({
    name: 'mnemo_answer_duration_seconds',
    help: 'Time to grade an answer and store its review, in seconds.',
    buckets: [0.002, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
    registers: [this.registry],
  });
  readonly deliveries = new Counter({
    name: 'mnemo_deliveries_total',
    help: 'Daily questions and reminders handled, by outcome (planned, sent, skipped, failed, released, closed).',
    labelNames: ['status'] as const,
    registers: [this.registry],
  });
  readonly platformErrors = new Counter({
    name: 'mnemo_platform_api_errors_total',
    help: 'Errors answered by a chat platform API, by platform and HTTP status (429 counts rate limits).',
    labelNames: ['platform', 'status'] as const,
    registers: [this.registry],
  });
  readonly databaseUp: Gauge;
  readonly databasePoolSize = new Gauge({
    name: 'mnemo_database_pool_size',
    help: 'Connections this process may open to PostgreSQL (1 for embedded PGlite).',
    registers: [this.registry],
  });

  /** `ping` is called at each scrape, for mnemo_database_up. */
  constructor(ping: () => Promise<void>) {
    collectDefaultMetrics({ register: this.registry, prefix: 'mnemo_' });
    this.databaseUp = new Gauge({
      name: 'mnemo_database_up',
      help: '1 when the database answered at this scrape, else 0.',
      registers: [this.registry],
      async collect() {
        this.set(
          await ping().then(
            () => 1,
            () => 0,
          ),
        );
      },
    });
  }

  /** GET /metrics in Prometheus text format. */
  route(): RouteHandler {
    return async (_request, response) => {
      const body = await this.registry.metrics();
      response.writeHead(200, { 'content-type': this.registry.contentType });
      response.end(body);
    };
  }
}
