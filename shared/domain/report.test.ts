import { describe, expect, it } from 'vitest';
import {
  chartTitleOf,
  isComment,
  paragraphsOf,
  parseCitations,
  parseMarkdownTree,
} from './markdownTree';
import {
  commenterDisplay,
  parseParagraphRef,
  resolveCommentRef,
  responseProblem,
  roundParagraphs,
} from './reportComments';
import { compareSections } from './reportDiff';
import { BPF_OUTLINE, normaliseLevels, sectionNumbers } from './reportOutline';

const ID = '0195f000-0000-7000-8000-000000000001';

describe('report outline', () => {
  it('starts from the BPF structure with its generated sections', () => {
    const titles = BPF_OUTLINE.map((e) => e.title);
    expect(titles[0]).toBe('Executive summary');
    expect(titles).toContain('Part A: Findings');
    expect(titles).toContain('Part C: Appendices');
    expect(BPF_OUTLINE.filter((e) => e.kind !== 'text').map((e) => e.kind)).toEqual([
      'practices',
      'methodology',
      'contributors',
      'comments',
    ]);
  });

  it('numbers a flat outline by level and repairs impossible jumps', () => {
    expect(sectionNumbers([1, 1, 2, 2, 3, 1, 2])).toEqual([
      '1',
      '2',
      '2.1',
      '2.2',
      '2.2.1',
      '3',
      '3.1',
    ]);
    expect(normaliseLevels([2, 3, 3, 1, 3])).toEqual([1, 2, 3, 1, 2]);
    expect(sectionNumbers([2, 3])).toEqual(['1', '1.1']);
  });
});

describe('markdown and citations', () => {
  it('finds each cited source once, in order', () => {
    const md = `See [@contribution:${ID}] and [@call:${ID}], again [@contribution:${ID.toUpperCase()}].`;
    expect(parseCitations(md)).toEqual([
      { kind: 'contribution', id: ID },
      { kind: 'call', id: ID },
    ]);
  });

  it('parses blocks (GFM), chart markers before tables and inline marks; citations stay text', () => {
    const tree = parseMarkdownTree(
      `# Title\n\nSome **bold** and _it_ text [@session:${ID}].\n\n- a\n- b\n\n<!-- chart: By group -->\n| Group | Count |\n| --- | ---: |\n| Civil society | 4 |\n`,
    );
    const blocks = tree.children;
    expect(blocks.map((b) => b.type)).toEqual(['heading', 'paragraph', 'list', 'html', 'table']);
    expect(isComment(blocks[3])).toBe(true);
    expect(chartTitleOf(blocks[3])).toBe('By group');
    const p = blocks[1];
    expect(p.type === 'paragraph' && p.children.map((c) => c.type)).toEqual([
      'text',
      'strong',
      'text',
      'emphasis',
      'text',
    ]);
    expect(p.type === 'paragraph' && p.children[4].type === 'text' && p.children[4].value).toBe(
      ` text [@session:${ID}].`,
    );
  });

  it('numbers paragraphs without guidance comments', () => {
    expect(paragraphsOf('<!-- guidance -->\n\nOne.\n\nTwo\ncontinued.\n\n- item')).toEqual([
      'One.',
      'Two\ncontinued.',
      '- item',
    ]);
  });
});

describe('version comparison', () => {
  const a = [
    { id: 's1', number: '1', title: 'Summary', markdown: 'Women face barriers online.' },
    { id: 's2', number: '2', title: 'Old', markdown: 'Gone.' },
  ];
  const b = [
    { id: 's1', number: '1', title: 'Summary', markdown: 'Women face serious barriers online.' },
    { id: 's3', number: '2', title: 'New', markdown: 'Added.' },
  ];

  it('compares section by section with word-level differences', () => {
    const out = compareSections(a, b);
    expect(out.map((s) => [s.sectionId, s.change])).toEqual([
      ['s1', 'changed'],
      ['s3', 'added'],
      ['s2', 'removed'],
    ]);
    expect(out[0].parts.filter((p) => p.added).map((p) => p.value.trim())).toEqual(['serious']);
    expect(out[0].wordsAdded).toBe(1);
    expect(out[0].wordsRemoved).toBe(0);
  });

  it('reports unchanged sections as such', () => {
    expect(compareSections(a, a).every((s) => s.change === 'unchanged')).toBe(true);
  });
});

describe('comment rounds', () => {
  const sections = [
    { id: 'a', number: '1', title: 'Summary', markdown: 'First.\n\nSecond.' },
    { id: 'b', number: '2', title: 'Findings', markdown: '' },
    { id: 'c', number: '2.1', title: 'Barriers', markdown: 'Only one.' },
  ];

  it('numbers sections (phase 1) and paragraphs (phase 2)', () => {
    expect(roundParagraphs(1, sections).map((p) => p.ref)).toEqual(['1', '2', '2.1']);
    expect(roundParagraphs(2, sections).map((p) => p.ref)).toEqual([
      '1',
      '1 ¶1',
      '1 ¶2',
      '2',
      '2.1',
      '2.1 ¶1',
    ]);
  });

  it('reads the usual ways of writing a paragraph reference', () => {
    for (const s of ['2.1 ¶3', '2.1¶3', '2.1 p3', '2.1-3', '2.1/3', '§2.1 #3'])
      expect(parseParagraphRef(s)).toEqual({ section: '2.1', paragraph: 3 });
    expect(parseParagraphRef('2.1')).toEqual({ section: '2.1', paragraph: null });
    expect(parseParagraphRef('')).toBe('general');
    expect(parseParagraphRef('chapter two')).toBeNull();
  });

  it('takes section comments in phase 1 and paragraph comments in phase 2', () => {
    const p1 = roundParagraphs(1, sections);
    const p2 = roundParagraphs(2, sections);
    expect(resolveCommentRef(1, p1, '2.1')).toMatchObject({
      ok: true,
      sectionId: 'c',
      paragraph: null,
    });
    expect(resolveCommentRef(1, p1, '2.1 ¶1')).toMatchObject({ ok: false });
    expect(resolveCommentRef(2, p2, '1-2')).toMatchObject({
      ok: true,
      ref: '1 ¶2',
      sectionId: 'a',
      paragraph: 2,
    });
    expect(resolveCommentRef(2, p2, '2.1')).toMatchObject({ ok: false });
    expect(resolveCommentRef(2, p2, '1 ¶9')).toMatchObject({ ok: false });
    expect(resolveCommentRef(2, p2, '')).toEqual({
      ok: true,
      ref: '',
      sectionId: null,
      paragraph: null,
    });
  });

  it('needs a response for partly accepted and declined comments', () => {
    expect(responseProblem('declined', ' ')).not.toBeNull();
    expect(responseProblem('partly_accepted', '')).not.toBeNull();
    expect(responseProblem('declined', 'Out of scope.')).toBeNull();
    expect(responseProblem('accepted', '')).toBeNull();
    expect(responseProblem('noted', '')).toBeNull();
  });

  it('shows protected commenters by pseudonym and anonymous ones as Anonymous', () => {
    const base = { anonymous: false, isProtected: false, pseudonym: null, name: 'Ana Lima' };
    expect(commenterDisplay(base)).toBe('Ana Lima');
    expect(commenterDisplay({ ...base, isProtected: true, pseudonym: 'Participant K7' })).toBe(
      'Participant K7',
    );
    expect(commenterDisplay({ ...base, anonymous: true })).toBe('Anonymous');
    expect(commenterDisplay({ ...base, name: '' })).toBe('Anonymous');
  });
});
