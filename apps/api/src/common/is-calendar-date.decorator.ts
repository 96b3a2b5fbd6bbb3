import { isCalendarDate } from '@orgchange/domain';
import { ValidateBy, type ValidationOptions } from 'class-validator';

/** The value is a real calendar date `YYYY-MM-DD` (`2023-02-30` is refused). */
export const IsCalendarDate = (options?: ValidationOptions): PropertyDecorator =>
  ValidateBy(
    {
      name: 'isCalendarDate',
      validator: {
        validate: (value) => isCalendarDate(value),
        defaultMessage: (args) => `${args?.property} must be a real calendar date in the form YYYY-MM-DD`,
      },
    },
    options,
  );
