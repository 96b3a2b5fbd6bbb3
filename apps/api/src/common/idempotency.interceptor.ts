import { type CallHandler, type ExecutionContext, Inject, Injectable, type NestInterceptor, UnprocessableEntityException } from '@nestjs/common';
import { IDEMPOTENCY_STORE, type IdempotencyStore } from '@orgchange/event-store';
import { createHash } from 'node:crypto';
import type { Request, Response } from 'express';
import { from, lastValueFrom, type Observable } from 'rxjs';
import { etagOf, type CommandResponse } from './command-response';

/**
 * `Idempotency-Key` on a POST: the first answer is stored with a hash of the request; the same key and body
 * get that answer again without running the command, and the same key with another body is refused.
 * Requests with one key are serialised in this process, so concurrent retries cannot both run.
 */
@Injectable()
export class IdempotencyInterceptor implements NestInterceptor {
  private readonly inFlight = new Map<string, Promise<unknown>>();

  constructor(@Inject(IDEMPOTENCY_STORE) private readonly records: IdempotencyStore) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const request = context.switchToHttp().getRequest<Request>();
    const key = request.header('Idempotency-Key');
    if (request.method !== 'POST' || key === undefined) return next.handle();
    const previous = this.inFlight.get(key) ?? Promise.resolve();
    const run = previous.catch(() => undefined).then(() => this.once(key, request, context.switchToHttp().getResponse<Response>(), next));
    this.inFlight.set(key, run);
    void run.finally(() => this.inFlight.get(key) === run && this.inFlight.delete(key)).catch(() => undefined);
    return from(run);
  }

  private async once(key: string, request: Request, response: Response, next: CallHandler): Promise<unknown> {
    const requestHash = createHash('sha256').update(`${request.method} ${request.originalUrl}\n${JSON.stringify(request.body ?? null)}`).digest('hex');
    const stored = await this.records.find(key);
    if (stored) {
      if (stored.requestHash !== requestHash) {
        throw new UnprocessableEntityException({ code: 'IdempotencyKeyReused', message: 'this Idempotency-Key was used for a different request' });
      }
      response.status(stored.status).setHeader('Idempotent-Replayed', 'true');
      response.setHeader('ETag', etagOf(stored.body as CommandResponse));
      return stored.body;
    }
    const body = await lastValueFrom(next.handle(), { defaultValue: undefined });
    await this.records.save(key, { requestHash, status: response.statusCode, body });
    return body;
  }
}
