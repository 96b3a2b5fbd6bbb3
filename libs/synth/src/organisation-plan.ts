import type { PostFamily, Profession, UnitKind } from '@orgchange/domain';
import type { SeededRandom } from './seeded-random';
import { DIRECTORATE_NAMES, DIVISION_NAMES, SPECIALTY_NAMES } from './synthetic-names';

export type UnitLevel = 'board' | 'division' | 'directorate' | 'specialty';

/** A unit to establish on day one; `parent` indexes an earlier entry of the plan. */
export type UnitPlan = Readonly<{ name: string; kind: UnitKind; level: UnitLevel; parent?: number }>;

/** A post to create; its holders are people of `profession`. Leadership posts of one unit share a group. */
export type PostTemplate = Readonly<{
  title: string;
  family: PostFamily;
  grade: string;
  profession: Profession;
  maxHolders: number;
  programmedActivities?: number;
  groupRole?: string;
}>;

export type PostPlan = PostTemplate & Readonly<{ unit: number }>;

const EXECUTIVES: readonly PostTemplate[] = [
  { title: 'Chief Executive', family: 'executive', grade: 'VSM', profession: 'manager', maxHolders: 1 },
  { title: 'Medical Director', family: 'executive', grade: 'VSM', profession: 'doctor', maxHolders: 1 },
  { title: 'Chief Nurse', family: 'executive', grade: 'VSM', profession: 'nurse', maxHolders: 1 },
  { title: 'Director of Finance', family: 'executive', grade: 'VSM', profession: 'manager', maxHolders: 1 },
  { title: 'Chief Operating Officer', family: 'executive', grade: 'VSM', profession: 'manager', maxHolders: 1 },
  { title: 'Director of Workforce', family: 'executive', grade: 'VSM', profession: 'manager', maxHolders: 1 },
];

/** The triumvirate that leads a division or a directorate: a clinician, a nurse and a manager. */
export function leadershipOf(level: 'division' | 'directorate', unitName: string): PostTemplate[] {
  return level === 'division'
    ? [
        { title: `Divisional Medical Director, ${unitName}`, family: 'medical-leadership', grade: 'Consultant', profession: 'doctor', maxHolders: 1, programmedActivities: 4, groupRole: 'medical-lead' },
        { title: `Divisional Director of Nursing, ${unitName}`, family: 'nursing-leadership', grade: 'Band 8d', profession: 'nurse', maxHolders: 1, groupRole: 'nursing-lead' },
        { title: `Divisional Director of Operations, ${unitName}`, family: 'management', grade: 'Band 8d', profession: 'manager', maxHolders: 1, groupRole: 'operational-lead' },
      ]
    : [
        { title: `Clinical Director, ${unitName}`, family: 'medical-leadership', grade: 'Consultant', profession: 'doctor', maxHolders: 1, programmedActivities: 2, groupRole: 'medical-lead' },
        { title: `Matron, ${unitName}`, family: 'nursing-leadership', grade: 'Band 8a', profession: 'nurse', maxHolders: 1, groupRole: 'nursing-lead' },
        { title: `Directorate Manager, ${unitName}`, family: 'management', grade: 'Band 8b', profession: 'manager', maxHolders: 1, groupRole: 'operational-lead' },
      ];
}

const specialtyLeads = (name: string): PostTemplate[] => [
  { title: `Clinical Lead, ${name}`, family: 'medical-leadership', grade: 'Consultant', profession: 'doctor', maxHolders: 1, programmedActivities: 1 },
  { title: `Service Manager, ${name}`, family: 'management', grade: 'Band 7', profession: 'manager', maxHolders: 1 },
];

const CLINICAL: readonly Omit<PostTemplate, 'title'>[] = [
  { family: 'clinical', grade: 'Consultant', profession: 'doctor', maxHolders: 1 },
  { family: 'clinical', grade: 'Band 7', profession: 'nurse', maxHolders: 1 },
  { family: 'clinical', grade: 'Specialty Doctor', profession: 'doctor', maxHolders: 1 },
  { family: 'clinical', grade: 'Band 6', profession: 'nurse', maxHolders: 1 },
  { family: 'clinical', grade: 'Band 7', profession: 'allied-health', maxHolders: 1 },
  { family: 'clinical', grade: 'Band 8a', profession: 'nurse', maxHolders: 1 },
];
const CLINICAL_TITLES: Readonly<Record<string, string>> = {
  'Consultant|doctor': 'Consultant',
  'Band 7|nurse': 'Ward Sister',
  'Specialty Doctor|doctor': 'Specialty Doctor',
  'Band 6|nurse': 'Senior Staff Nurse',
  'Band 7|allied-health': 'Senior Therapist',
  'Band 8a|nurse': 'Advanced Nurse Practitioner',
};

/** The n-th clinical post of a specialty; about one in twenty is a job share for two. */
export function clinicalPost(random: SeededRandom, n: number, specialtyName: string): PostTemplate {
  const template = CLINICAL[n % CLINICAL.length];
  const joint = random.chance(0.05);
  const title = `${CLINICAL_TITLES[`${template.grade}|${template.profession}`]}${joint ? ' (job share)' : ''}, ${specialtyName} ${Math.floor(n / CLINICAL.length) + 1}`;
  return { ...template, title, maxHolders: joint ? 2 : 1 };
}

/**
 * An NHS trust of about `posts` posts: a board, divisions, directorates and specialties (about 150 units for
 * 1,000 posts), each division and directorate led by a triumvirate, each specialty by a clinical lead and a
 * service manager; the remaining posts are clinical, spread over the specialties.
 */
export function planOrganisation(random: SeededRandom, posts: number): { units: UnitPlan[]; posts: PostPlan[] } {
  const specialties = Math.max(4, Math.round(posts / 8.3));
  const divisions = clamp(Math.round(specialties / 20), 2, DIVISION_NAMES.length);
  const perDivision = clamp(Math.round(specialties / (divisions * 5)), 2, 5);
  const units: UnitPlan[] = [{ name: 'Trust Board', kind: 'board', level: 'board' }];
  const plans: PostPlan[] = EXECUTIVES.slice(0, clamp(Math.round(posts / 100), 2, EXECUTIVES.length)).map((t) => ({ ...t, unit: 0 }));
  const specialtyUnits: number[] = [];
  const directorateNames = shuffled(random, DIRECTORATE_NAMES);
  const specialtyNames = shuffled(random, SPECIALTY_NAMES);
  for (const [d, division] of shuffled(random, DIVISION_NAMES).slice(0, divisions).entries()) {
    units.push({ name: division, kind: 'division', level: 'division' });
    const divisionIndex = units.length - 1;
    plans.push(...leadershipOf('division', division).map((t) => ({ ...t, unit: divisionIndex })));
    for (let r = 0; r < perDivision; r += 1) {
      const directorate = numbered(directorateNames, d * perDivision + r);
      units.push({ name: directorate, kind: 'directorate', level: 'directorate', parent: divisionIndex });
      const directorateIndex = units.length - 1;
      plans.push(...leadershipOf('directorate', directorate).map((t) => ({ ...t, unit: directorateIndex })));
      const share = Math.floor(specialties / (divisions * perDivision)) + (d * perDivision + r < specialties % (divisions * perDivision) ? 1 : 0);
      for (let s = 0; s < Math.max(1, share); s += 1) {
        const name = numbered(specialtyNames, specialtyUnits.length);
        units.push({ name, kind: random.chance(0.3) ? 'team' : 'specialty', level: 'specialty', parent: directorateIndex });
        specialtyUnits.push(units.length - 1);
        plans.push(...specialtyLeads(name).map((t) => ({ ...t, unit: units.length - 1 })));
      }
    }
  }
  for (let n = 0; plans.length < posts; n += 1) {
    const unit = specialtyUnits[n % specialtyUnits.length];
    plans.push({ ...clinicalPost(random, Math.floor(n / specialtyUnits.length), units[unit].name), unit });
  }
  return { units, posts: plans };
}

/** The specialty-level leadership posts for a specialty established later. */
export const specialtyLeadership = specialtyLeads;

const clamp = (n: number, min: number, max: number): number => Math.min(max, Math.max(min, n));

/** Names are reused with a number once a list runs out, so any size of organisation has distinct names. */
const numbered = (names: readonly string[], i: number): string =>
  i < names.length ? names[i] : `${names[i % names.length]} ${Math.floor(i / names.length) + 1}`;

function shuffled<T>(random: SeededRandom, items: readonly T[]): T[] {
  const copy = [...items];
  for (let i = copy.length - 1; i > 0; i -= 1) {
    const j = random.between(0, i);
    [copy[i], copy[j]] = [copy[j], copy[i]];
  }
  return copy;
}
