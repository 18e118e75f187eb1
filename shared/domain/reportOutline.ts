/**
 * The BPF outcome report outline (DOMAIN.md: a typical outcome report) and the numbering of a
 * flat outline with levels. Pure.
 */
import { MAX_SECTION_LEVEL, type SectionKind } from './report';

export interface OutlineEntry {
  title: string;
  level: number;
  kind: SectionKind;
  /** A starting text (guidance the rapporteur replaces). */
  markdown: string;
}

const guide = (s: string) => `<!-- ${s} -->\n`;

/** What a new report starts with. */
export const BPF_OUTLINE: readonly OutlineEntry[] = Object.freeze([
  {
    title: 'Executive summary',
    level: 1,
    kind: 'text',
    markdown: guide('The findings and recommendations in one page.'),
  },
  { title: 'Part A: Findings', level: 1, kind: 'text', markdown: '' },
  {
    title: 'Barriers',
    level: 2,
    kind: 'text',
    markdown: guide('What stands in the way; cite contributions as [@contribution:<id>].'),
  },
  { title: 'Practices and initiatives', level: 2, kind: 'practices', markdown: '' },
  { title: 'Conclusions', level: 2, kind: 'text', markdown: '' },
  { title: 'Recommendations', level: 2, kind: 'text', markdown: '' },
  { title: 'Part B: Mandate and methodology', level: 1, kind: 'text', markdown: '' },
  { title: 'Mandate', level: 2, kind: 'text', markdown: '' },
  { title: 'Methodology', level: 2, kind: 'methodology', markdown: '' },
  { title: 'Part C: Appendices', level: 1, kind: 'text', markdown: '' },
  { title: 'Contributors', level: 2, kind: 'contributors', markdown: '' },
  { title: 'Analysis of comments', level: 2, kind: 'comments', markdown: '' },
  {
    title: 'Session report',
    level: 2,
    kind: 'text',
    markdown: guide('The report of the BPF session at the IGF annual meeting.'),
  },
]);

/**
 * Levels made consistent: the first entry is level 1 and no entry is more than one level deeper
 * than the one before it (a section cannot skip from a part to a sub-subsection).
 */
export function normaliseLevels(levels: readonly number[]): number[] {
  const out: number[] = [];
  for (const raw of levels) {
    const prev = out.length ? out[out.length - 1] : 0;
    const l = Math.max(1, Math.min(MAX_SECTION_LEVEL, Math.trunc(raw) || 1));
    out.push(Math.min(l, prev + 1));
  }
  return out;
}

/** Hierarchical numbers of a flat outline: levels [1,1,2,2,1,2] -> 1, 2, 2.1, 2.2, 3, 3.1. */
export function sectionNumbers(levels: readonly number[]): string[] {
  const counters: number[] = [];
  return normaliseLevels(levels).map((level) => {
    counters.length = level;
    counters[level - 1] = (counters[level - 1] ?? 0) + 1;
    for (let i = 0; i < level - 1; i++) counters[i] ??= 1;
    return counters.join('.');
  });
}
