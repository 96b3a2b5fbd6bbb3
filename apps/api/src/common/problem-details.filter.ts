import { type ArgumentsHost, Catch, type ExceptionFilter, HttpException, HttpStatus, Logger } from '@nestjs/common';
import { ConcurrencyError, DomainRuleViolation, DuplicateEventIdError } from '@orgchange/event-store';
import type { Response } from 'express';

/** RFC 7807 body; `code` names the rule or check, `errors` lists field problems for a 400. */
export type ProblemDetails = Readonly<{
  type: string;
  title: string;
  status: number;
  detail: string;
  code: string;
  errors?: readonly Readonly<{ field: string; messages: string[] }>[];
  details?: unknown;
}>;

/** Renders every error in one shape: 400 invalid input, 409 version conflict, 422 broken rule, 500 only for bugs. */
@Catch()
export class ProblemDetailsFilter implements ExceptionFilter {
  private readonly logger = new Logger(ProblemDetailsFilter.name);

  catch(exception: unknown, host: ArgumentsHost): void {
    const response = host.switchToHttp().getResponse<Response>();
    const problem = this.toProblem(exception);
    if (problem.status >= 500) this.logger.error(exception instanceof Error ? exception.stack : String(exception));
    if (problem.status === 401) response.setHeader('WWW-Authenticate', `Bearer error="invalid_token"`);
    response.status(problem.status).type('application/problem+json').json(problem);
  }

  private toProblem(exception: unknown): ProblemDetails {
    if (exception instanceof DomainRuleViolation) {
      const { code, message, details } = exception.error;
      return problem(HttpStatus.UNPROCESSABLE_ENTITY, 'Business rule broken', code, message, details ? { details } : {});
    }
    if (exception instanceof ConcurrencyError) {
      return problem(HttpStatus.CONFLICT, 'Stream version conflict', exception.code, exception.message, {
        details: { streamId: exception.streamId, expected: exception.expected, actual: exception.actual },
      });
    }
    if (exception instanceof DuplicateEventIdError) return problem(HttpStatus.CONFLICT, 'Duplicate event id', exception.code, exception.message);
    if (exception instanceof HttpException) return fromHttpException(exception);
    return problem(HttpStatus.INTERNAL_SERVER_ERROR, 'Internal error', 'InternalError', 'an unexpected error occurred; it has been logged');
  }
}

function fromHttpException(exception: HttpException): ProblemDetails {
  const status = exception.getStatus();
  const body = exception.getResponse() as string | { message?: unknown; code?: string; errors?: ProblemDetails['errors']; details?: unknown };
  // Some errors raised outside Nest's own exception classes (the body parser's 413) arrive with a string body.
  if (typeof body === 'string') return problem(status, titleOf(status), codeOf(status, exception), body);
  const message = Array.isArray(body.message) ? body.message.join('; ') : String(body.message ?? exception.message);
  return problem(status, titleOf(status), body.code ?? codeOf(status, exception), message, { ...(body.errors ? { errors: body.errors } : {}), ...(body.details ? { details: body.details } : {}) });
}

const codeOf = (status: number, exception: HttpException): string =>
  status === 413 ? 'PayloadTooLarge' : status === 404 ? 'NotFound' : status === 429 ? 'RateLimited' : exception.name.replace(/Exception$/, '');

const titleOf = (status: number): string => (status === 400 ? 'Invalid request' : (HttpStatus[status] ?? 'Error').toString().replace(/_/g, ' ').toLowerCase());

const problem = (status: number, title: string, code: string, detail: string, extra: Partial<ProblemDetails> = {}): ProblemDetails => ({
  type: `https://orgchange.dev/problems/${code}`,
  title,
  status,
  detail,
  code,
  ...extra,
});
