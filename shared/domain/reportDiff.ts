/**
 * Comparing two versions of a report section by section, with word-level differences (the
 * `diff` package's diffWords). Sections are matched by id, so a renamed or moved section is
 * "changed", not removed and added. Pure.
 */
import { diffWords } from 'diff';
import type { DiffPart, SectionComparison } from '../reportApi';

export interface SectionSnapshot {
  id: string;
  number: string;
  title: string;
  markdown: string;
}

const countWords = (s: string) => (s.match(/\S+/g) ?? []).length;

function words(from: string, to: string): DiffPart[] {
  if (from === to) return from ? [{ value: from, added: false, removed: false }] : [];
  return diffWords(from, to).map((p) => ({
    value: p.value,
    added: !!p.added,
    removed: !!p.removed,
  }));
}

/** One entry per section of either side: the `to` order first, then sections only in `from`. */
export function compareSections(
  from: readonly SectionSnapshot[],
  to: readonly SectionSnapshot[],
): SectionComparison[] {
  const before = new Map(from.map((s) => [s.id, s]));
  const after = new Set(to.map((s) => s.id));
  const out: SectionComparison[] = [];
  const entry = (a: SectionSnapshot | undefined, b: SectionSnapshot | undefined) => {
    const parts = words(a?.markdown ?? '', b?.markdown ?? '');
    const titleParts = words(a?.title ?? '', b?.title ?? '');
    const same = !!a && !!b && a.markdown === b.markdown && a.title === b.title;
    const sum = (ps: DiffPart[], k: 'added' | 'removed') =>
      ps.filter((p) => p[k]).reduce((n, p) => n + countWords(p.value), 0);
    out.push({
      sectionId: (a ?? b)!.id,
      change: !a ? 'added' : !b ? 'removed' : same ? 'unchanged' : 'changed',
      fromNumber: a?.number ?? null,
      toNumber: b?.number ?? null,
      fromTitle: a?.title ?? null,
      toTitle: b?.title ?? null,
      titleParts,
      parts,
      wordsAdded: sum(parts, 'added') + sum(titleParts, 'added'),
      wordsRemoved: sum(parts, 'removed') + sum(titleParts, 'removed'),
    });
  };
  for (const b of to) entry(before.get(b.id), b);
  for (const a of from) if (!after.has(a.id)) entry(a, undefined);
  return out;
}
