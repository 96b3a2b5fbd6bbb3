import { type CallHandler, type ExecutionContext, Inject, Injectable, type NestInterceptor } from '@nestjs/common';
import { PERSON_DIRECTORY, type PersonDirectory } from '@orgchange/people-directory';
import type { Request } from 'express';
import { mergeMap, type Observable } from 'rxjs';
import { PRINCIPAL, type Role, type WithPrincipal } from '../auth/principal';

/** Roles that see people's names; analysts and integrations get opaque ids only. */
const SEES_NAMES: ReadonlySet<Role> = new Set(['admin', 'programme-office']);

type PersonRef = Record<string, unknown> & { personId: string };

/**
 * The last step of every answer, whatever the route: in each object that carries a `personId`, the `name` is
 * blanked for roles that may not see names, and `personErased: true` is added for a person whose identity was
 * erased. Applied by shape, not per route, so a new read cannot leak a name to an analyst by being forgotten.
 */
@Injectable()
export class PersonIdentityInterceptor implements NestInterceptor {
  constructor(@Inject(PERSON_DIRECTORY) private readonly directory: PersonDirectory) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const role = context.switchToHttp().getRequest<Request & WithPrincipal>()[PRINCIPAL]?.role;
    return next.handle().pipe(mergeMap((body) => this.apply(body, role !== undefined && SEES_NAMES.has(role))));
  }

  private async apply(body: unknown, seesNames: boolean): Promise<unknown> {
    const people: PersonRef[] = [];
    collect(body, people);
    if (people.length === 0) return body;
    const erased = await this.directory.erasedAmong(people.map((p) => p.personId));
    for (const person of people) {
      if (!seesNames && 'name' in person) person.name = null;
      if (erased.has(person.personId)) person.personErased = true;
    }
    return body;
  }
}

/** Every object with a string `personId`, found anywhere in the answer (answers are fresh objects, safe to edit). */
function collect(value: unknown, into: PersonRef[]): void {
  if (Array.isArray(value)) {
    for (const item of value) collect(item, into);
  } else if (typeof value === 'object' && value !== null && [Object.prototype, null].includes(Object.getPrototypeOf(value))) {
    const record = value as Record<string, unknown>;
    if (typeof record.personId === 'string') into.push(record as PersonRef);
    for (const child of Object.values(record)) collect(child, into);
  }
}
