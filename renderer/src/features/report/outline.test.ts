import { describe, expect, it } from 'vitest';
import { canIndent, canMoveDown, canMoveUp, moveDown, moveUp, shiftLevel } from './outline';

const outline = (spec: string) =>
  spec.split(' ').map((s) => ({ id: s.replace(/\d/g, ''), level: Number(s.replace(/\D/g, '')) }));
const ids = (items: { id: string; level: number }[]) =>
  items.map((i) => `${i.id}${i.level}`).join(' ');

describe('report outline moves', () => {
  const items = outline('a1 b1 c2 d2 e3 f1 g2');

  it('moves a section with its subsections among its siblings', () => {
    expect(ids(moveUp(items, 5))).toBe('a1 f1 g2 b1 c2 d2 e3');
    expect(ids(moveDown(items, 1))).toBe('a1 f1 g2 b1 c2 d2 e3');
    expect(ids(moveUp(items, 3))).toBe('a1 b1 d2 e3 c2 f1 g2');
  });

  it('does not move a section out of its part', () => {
    expect(canMoveUp(items, 2)).toBe(false);
    expect(canMoveDown(items, 3)).toBe(false);
    expect(canMoveUp(items, 0)).toBe(false);
    expect(canMoveDown(items, 5)).toBe(false);
    expect(ids(moveUp(items, 2))).toBe(ids(items));
  });

  it('indents and outdents a section with its subsections, within three levels', () => {
    expect(ids(shiftLevel(items, 5, 1))).toBe('a1 b1 c2 d2 e3 f2 g3');
    expect(ids(shiftLevel(items, 3, -1))).toBe('a1 b1 c2 d1 e2 f1 g2');
    expect(canIndent(items, 3)).toBe(false); // e would become level 4
    expect(canIndent(items, 2)).toBe(false); // c has no previous sibling
    expect(canIndent(items, 0)).toBe(false);
  });
});
