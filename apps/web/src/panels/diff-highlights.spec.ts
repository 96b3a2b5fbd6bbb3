import type { StructureDiff } from '../api-types';
import { diffHighlights, diffSections } from './diff-highlights';

const empty = (): StructureDiff => ({
  organisationId: 'trust',
  from: { at: '2019-03-31', knownAt: 'x', open: true },
  to: { at: '2019-04-01', knownAt: 'x', open: true },
  units: { added: [], removed: [], renamed: [], moved: [] },
  posts: { created: [], abolished: [], retitled: [], regraded: [] },
  holders: { appointed: [], left: [], kindChanged: [] },
});

describe('a diff on the chart and in the list', () => {
  it('marks a unit both moved and renamed with both words, and a holder whose kind changed with the change', () => {
    const diff = empty();
    diff.units.moved.push({ unitId: 'dir', name: 'Dir', fromParentUnitId: 'a', toParentUnitId: 'b' });
    diff.units.renamed.push({ unitId: 'dir', fromName: 'Old', toName: 'Dir' });
    diff.holders.kindChanged.push({ postId: 'cd', title: 'CD', personId: 'p-1', fromKind: 'acting', toKind: 'substantive' });

    const marks = diffHighlights(diff);

    expect(marks.units.get('dir')).toBe('moved, renamed');
    expect(marks.holders.get('cd|p-1')).toBe('acting → substantive');
  });

  it('names a moved unit’s old and new parents when the diff names them', () => {
    const diff = empty();
    diff.units.added.push({ unitId: 'ab', name: 'Division AB', kind: 'division', parentUnitId: null });
    diff.units.removed.push({ unitId: 'a', name: 'Division A', kind: 'division', parentUnitId: null });
    diff.units.moved.push({ unitId: 'dir', name: 'Directorate', fromParentUnitId: 'a', toParentUnitId: 'ab' }, { unitId: 'x', name: 'X', fromParentUnitId: 'elsewhere', toParentUnitId: null });

    expect(diffSections(diff).find((s) => s.heading === 'Units moved')!.lines).toEqual(['Directorate: Division A → Division AB', 'X: elsewhere → (top level)']);
  });

  it('lists only the sections with changes, counting nothing for an unchanged structure', () => {
    expect(diffSections(empty())).toEqual([]);

    const diff = empty();
    diff.units.removed.push({ unitId: 'a', name: 'Division A', kind: 'division', parentUnitId: null });
    diff.holders.left.push({ postId: 'cd', title: 'Clinical Director', personId: 'p-1', kind: 'substantive' });

    expect(diffSections(diff)).toEqual([
      { heading: 'Units removed', lines: ['Division A (division)'] },
      { heading: 'Holders left', lines: ['p-1 from Clinical Director (substantive)'] },
    ]);
  });
});
