import { BadRequestException, createParamDecorator, type ExecutionContext } from '@nestjs/common';
import { eventIdFactory, newId } from '@orgchange/commands';
import type { CommandEnvelope, ExpectedVersion } from '@orgchange/event-store';
import type { Request } from 'express';
import { PRINCIPAL, type WithPrincipal } from '../auth/principal';

const IF_MATCH = /^(?:W\/)?"?(-1|\d{1,15})"?$/;
const HEADER_TEXT = /^[\x21-\x7e]{1,200}$/;

/** Reads `If-Match` as the stream version a writer expects (`W/"3"`, `"3"` or `3`). */
export function parseIfMatch(header: string | undefined): ExpectedVersion | undefined {
  if (header === undefined || header === '*') return header === '*' ? 'stream_exists' : undefined;
  const match = IF_MATCH.exec(header.trim());
  if (!match) throw new BadRequestException({ code: 'InvalidIfMatch', message: 'If-Match must be a stream version such as W/"3"' });
  const version = Number(match[1]);
  return version === -1 ? 'no_stream' : version;
}

function headerText(request: Request, name: string): string | undefined {
  const value = request.header(name);
  if (value === undefined) return undefined;
  if (!HEADER_TEXT.test(value)) throw new BadRequestException({ code: `Invalid${name.replace(/-/g, '')}`, message: `${name} must be 1–200 visible ASCII characters` });
  return value;
}

/**
 * Builds a command's envelope from the request: correlation id, expected version, event ids, and as actor the
 * authenticated subject (never a header the caller could set), so the log says who changed what.
 */
export function envelopeFrom(request: Request & WithPrincipal): CommandEnvelope {
  const principal = request[PRINCIPAL];
  if (!principal) throw new Error('a command reached its controller without an authenticated caller');
  return {
    metadata: {
      actor: principal.subject,
      correlationId: headerText(request, 'X-Correlation-Id') ?? newId(),
    },
    expectedVersion: parseIfMatch(request.header('If-Match')),
    newEventId: eventIdFactory(headerText(request, 'Idempotency-Key')),
  };
}

/** Controller parameter: the {@link CommandEnvelope} of this request. */
export const Envelope = createParamDecorator((_: unknown, context: ExecutionContext): CommandEnvelope =>
  envelopeFrom(context.switchToHttp().getRequest<Request & WithPrincipal>()),
);
