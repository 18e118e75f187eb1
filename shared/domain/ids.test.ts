import { describe, expect, it } from 'vitest';
import { fold } from './fold';
import { newId, UUID_PATTERN } from './ids';

describe('newId', () => {
  it('makes version-7 UUIDs that sort by creation time', () => {
    const a = newId(1_700_000_000_000);
    const b = newId(1_700_000_000_001);
    expect(a).toMatch(UUID_PATTERN);
    expect(a[14]).toBe('7');
    expect(a < b).toBe(true);
  });
  it('is unique', () => {
    const ids = new Set(Array.from({ length: 1000 }, () => newId(1)));
    expect(ids.size).toBe(1000);
  });
});

describe('fold', () => {
  it('removes case and accents and collapses whitespace', () => {
    expect(fold('  José   MUÑOZ ')).toBe('jose munoz');
    expect(fold('Ærøskøbing')).toBe('ærøskøbing');
  });
});

describe('newId within one millisecond', () => {
  it('keeps ids in creation order', () => {
    const ids = Array.from({ length: 5000 }, () => newId(1_800_000_000_000));
    expect([...ids].sort()).toEqual(ids);
    expect(new Set(ids).size).toBe(ids.length);
  });
});
