import { BadRequestException, Injectable, type PipeTransform, type ArgumentMetadata } from '@nestjs/common';
import { ID_PATTERN } from './dto-fields';

/** Validates an id taken from the URL path. */
@Injectable()
export class ParseIdPipe implements PipeTransform<string, string> {
  transform(value: string, metadata: ArgumentMetadata): string {
    if (ID_PATTERN.test(value)) return value;
    const field = metadata.data ?? 'id';
    throw new BadRequestException({ code: 'ValidationFailed', message: `${field}: must be an id`, errors: [{ field, messages: ['must be an id'] }] });
  }
}
