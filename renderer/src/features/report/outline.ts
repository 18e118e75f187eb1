import { MAX_SECTION_LEVEL } from '../../../../shared/domain/report';

/** One outline entry as `report.reorderSections` takes it. */
export interface OutlineItem {
  id: string;
  level: number;
}

/** The end (exclusive) of the block a section heads: the section and its subsections. */
function blockEnd(items: readonly OutlineItem[], index: number): number {
  let end = index + 1;
  while (end < items.length && items[end].level > items[index].level) end++;
  return end;
}

/** The previous section at the same level under the same parent, or -1. */
function previousSibling(items: readonly OutlineItem[], index: number): number {
  for (let k = index - 1; k >= 0; k--) {
    if (items[k].level === items[index].level) return k;
    if (items[k].level < items[index].level) return -1;
  }
  return -1;
}

/** The next section at the same level under the same parent, or -1. */
function nextSibling(items: readonly OutlineItem[], index: number): number {
  const end = blockEnd(items, index);
  return end < items.length && items[end].level === items[index].level ? end : -1;
}

export const canMoveUp = (items: readonly OutlineItem[], index: number) =>
  previousSibling(items, index) >= 0;
export const canMoveDown = (items: readonly OutlineItem[], index: number) =>
  nextSibling(items, index) >= 0;

/** Moves a section, with its subsections, above its previous sibling. */
export function moveUp(items: readonly OutlineItem[], index: number): OutlineItem[] {
  const prev = previousSibling(items, index);
  if (prev < 0) return [...items];
  const end = blockEnd(items, index);
  return [
    ...items.slice(0, prev),
    ...items.slice(index, end),
    ...items.slice(prev, index),
    ...items.slice(end),
  ];
}

/** Moves a section, with its subsections, below its next sibling. */
export function moveDown(items: readonly OutlineItem[], index: number): OutlineItem[] {
  const next = nextSibling(items, index);
  if (next < 0) return [...items];
  return moveUp(items, next);
}

/** Whether a section (with its subsections) can go one level deeper. */
export function canIndent(items: readonly OutlineItem[], index: number): boolean {
  if (index === 0 || previousSibling(items, index) < 0) return false;
  const end = blockEnd(items, index);
  return items.slice(index, end).every((i) => i.level < MAX_SECTION_LEVEL);
}

export const canOutdent = (items: readonly OutlineItem[], index: number) => items[index]?.level > 1;

/** Changes the level of a section and its subsections by `delta` (+1 indent, -1 outdent). */
export function shiftLevel(
  items: readonly OutlineItem[],
  index: number,
  delta: 1 | -1,
): OutlineItem[] {
  if (delta === 1 ? !canIndent(items, index) : !canOutdent(items, index)) return [...items];
  const end = blockEnd(items, index);
  return items.map((item, i) =>
    i >= index && i < end ? { ...item, level: item.level + delta } : item,
  );
}

/** The level names the "Add section" form offers. */
export const LEVEL_LABELS: Record<number, string> = {
  1: 'Part (top level)',
  2: 'Section',
  3: 'Subsection',
};
