/**
 * Restructuring events counted per period, one metric each: organisation-level and unit-level changes of shape,
 * and boundary changes between organisations.
 */
export const RESTRUCTURE_METRICS: Readonly<Record<string, string>> = {
  OrganisationsMerged: 'restructures.organisation-merge',
  OrganisationSplit: 'restructures.organisation-split',
  OrganisationRenamed: 'restructures.organisation-rename',
  OrganisationReclassified: 'restructures.organisation-reclassify',
  UnitsMerged: 'restructures.unit-merge',
  UnitSplit: 'restructures.unit-split',
  UnitRenamed: 'restructures.unit-rename',
  UnitMoved: 'restructures.unit-move',
  ServiceTransferred: 'restructures.service-transfer',
  BoundaryRedrawn: 'restructures.boundary-redraw',
  MembershipChanged: 'restructures.membership-change',
  EmploymentTransferred: 'restructures.employment-transfer',
};

export const restructureMetricOf = (eventType: string): string | undefined => RESTRUCTURE_METRICS[eventType];
