import { withCorrections } from './corrections/with-corrections';
import { organisationDecider } from './organisations/organisation.decider';
import { personDecider } from './people/person';
import { postDecider } from './posts/post.decider';

/**
 * The decider of each stream category, wrapped so that its events can be retracted or corrected.
 * Every append goes through one of these.
 */
export const streamDeciders = {
  organisation: withCorrections(organisationDecider),
  post: withCorrections(postDecider),
  person: withCorrections(personDecider),
} as const;
