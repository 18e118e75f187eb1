import type { CommentRound } from '../../../../shared/api';
import {
  COMMENT_CHANNELS,
  COMMENT_CHANNEL_LABELS,
  type CommentDisposition,
} from '../../../../shared/domain/report';
import { STAKEHOLDER_GROUPS, STAKEHOLDER_GROUP_LABELS } from '../../../../shared/domain/vocabulary';

export const DISPOSITION_COLORS: Record<CommentDisposition, string> = {
  pending: 'gray',
  accepted: 'teal',
  partly_accepted: 'lime',
  noted: 'blue',
  declined: 'red',
};
export const CHANNEL_OPTIONS = COMMENT_CHANNELS.map((c) => ({
  value: c,
  label: COMMENT_CHANNEL_LABELS[c],
}));
export const GROUP_OPTIONS = [
  { value: '', label: 'Not stated' },
  ...STAKEHOLDER_GROUPS.map((g) => ({ value: g, label: STAKEHOLDER_GROUP_LABELS[g] })),
];

type Option = { value: string; label: string };

/** Phase 1: a section; phase 2: a paragraph, grouped under its section. */
export function refOptions(round: CommentRound): (Option | { group: string; items: Option[] })[] {
  const whole = { value: '', label: 'The whole document' };
  if (round.phase === 1)
    return [
      whole,
      ...round.paragraphs
        .filter((p) => p.paragraph === null)
        .map((p) => ({ value: p.ref, label: `${p.ref} ${p.sectionTitle}` })),
    ];
  const groups = new Map<string, Option[]>();
  for (const p of round.paragraphs) {
    if (p.paragraph === null) continue;
    const key = `${p.ref.split(' ')[0]} ${p.sectionTitle}`;
    const excerpt = p.excerpt.length > 60 ? `${p.excerpt.slice(0, 60)}…` : p.excerpt;
    groups.set(key, [...(groups.get(key) ?? []), { value: p.ref, label: `${p.ref} — ${excerpt}` }]);
  }
  return [whole, ...[...groups].map(([group, items]) => ({ group, items }))];
}
