import { BadRequestException, ValidationPipe, type ValidationError } from '@nestjs/common';

/** Whitelisting validation whose 400 names each offending field (nested fields with dotted paths). */
export const createValidationPipe = (): ValidationPipe =>
  new ValidationPipe({
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
    const field = prefix ? `${prefix}.${error.property}` : error.property;
    const own = error.constraints ? [{ field, messages: Object.values(error.constraints) }] : [];
    return [...own, ...flatten(error.children ?? [], field)];
  });
}
