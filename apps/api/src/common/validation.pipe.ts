import { type ArgumentMetadata, BadRequestException, ValidationPipe, type ValidationError } from '@nestjs/common';
import { MAX_BODY_DEPTH, pathDeeperThan } from './body-depth';

/** Refuses absurdly nested bodies before class-transformer, whose recursion would overflow the stack on them (a 500). */
class DepthLimitedValidationPipe extends ValidationPipe {
  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    const tooDeep = metadata.type === 'body' ? pathDeeperThan(value, MAX_BODY_DEPTH) : undefined;
    if (tooDeep !== undefined) {
      const message = `nested more than ${MAX_BODY_DEPTH} levels deep`;
      throw new BadRequestException({ code: 'BodyTooDeep', message: `${tooDeep}: ${message}`, errors: [{ field: tooDeep, messages: [message] }] });
    }
    return super.transform(value, metadata);
  }
}

/** Whitelisting validation whose 400 names each offending field (nested fields with dotted paths). */
export const createValidationPipe = (): ValidationPipe =>
  new DepthLimitedValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    forbidUnknownValues: true,
    transform: true,
    exceptionFactory: (errors) => {
      const fields = flatten(errors);
      return new BadRequestException({
        code: 'ValidationFailed',
        message: fields.map((f) => `${f.field}: ${f.messages.join(', ')}`).join('; ') || 'request body is invalid',
        errors: fields,
      });
    },
  });

function flatten(errors: readonly ValidationError[], prefix = ''): { field: string; messages: string[] }[] {
  return errors.flatMap((error) => {
    const name = fieldName(error.property);
    const field = prefix ? (name.startsWith('[') ? `${prefix}${name}` : `${prefix}.${name}`) : name;
    const own = error.constraints ? [{ field, messages: Object.entries(error.constraints).map(([rule, text]) => (rule === 'whitelistValidation' ? `${field} is not a known field` : text)) }] : [];
    return [...own, ...flatten(error.children ?? [], field)];
  });
}

/** A key that is not a plain name (empty, spaces, control characters) is shown quoted, so the message still points at it. */
const fieldName = (property: string): string => (/^[A-Za-z0-9_$]+$/.test(property) ? property : `[${JSON.stringify(property)}]`);
