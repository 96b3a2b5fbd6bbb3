import { withCorrections } from './corrections/with-corrections';
import { organisationDecider } from './organisations/organisation.decider';
import { personDecider } from './people/person';
import { checkAllHoldings } from './posts/holding.rules';
import { postDecider } from './posts/post.decider';
import { checkTreeAcyclic } from './units/unit-tree';

/**
 * The decider of each stream category, wrapped so that its events can be retracted or corrected.
 * Every append goes through one of these.
 */
export const streamDeciders = {
  organisation: withCorrections(organisationDecider, checkTreeAcyclic),
  post: withCorrections(postDecider, checkAllHoldings),
  person: withCorrections(personDecider),
} as const;
