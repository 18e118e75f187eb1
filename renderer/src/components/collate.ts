/**
 * Client-side sorting of names and titles: one Intl.Collator for the user's language, base
 * sensitivity (accents and case do not split names) and numeric order ("Call 2" before "Call 10").
 * Ø, Cyrillic, Arabic and CJK then sort by the Unicode collation rules instead of after "Z".
 */
const collator = new Intl.Collator(undefined, { sensitivity: 'base', numeric: true });

export const compareNames = (a: string, b: string): number => collator.compare(a, b);

/** Sorts a copy of `items` by the name `key` gives each. */
export function sortByName<T>(items: readonly T[], key: (item: T) => string): T[] {
  return [...items].sort((x, y) => compareNames(key(x), key(y)));
}
