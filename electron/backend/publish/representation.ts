/**
 * The 'representation' export: who took part, per phase, by stakeholder group, region,
 * development status and gender; the stakeholder map against it; attendance over the calls.
 * Always the published release (shared/domain/representation `publishPhase`, cell-key
 * perturbation from shared/domain/statistics; totals are sums of the figures shown), whatever
 * the audience (the figures leave the app). No one is named; protected participants
 * are counted, located no finer than their region.
 */
import { forumForAudience } from './policy';
import { DIMENSIONS, DIMENSION_LABELS } from '../../../shared/domain/representation';
import {
  INVOLVEMENT_LEVEL_LABELS,
  FIGURE_PHASE_LABELS,
} from '../../../shared/domain/stakeholderMap';
import {
  AUDIENCE_LABELS,
  STAKEHOLDER_GROUP_LABELS,
  STAKEHOLDER_GROUPS,
  type Audience,
} from '../../../shared/domain/vocabulary';
import { DomainError } from '../../../shared/result';
import type { BackendContext } from '../context';
import { representationFigures } from '../representation/service';
import { PERTURBATION_NOTE, PROTECTED_NOTE } from '../privacy/statistics';
import type { Table } from './documents';

const isoDay = (ms: number) => new Date(ms).toISOString().slice(0, 10);

export function representationTable(
  ctx: BackendContext,
  req: { forumId: string; format: string; audience: Audience },
): Table {
  if (req.format !== 'csv' && req.format !== 'md' && req.format !== 'html')
    throw new DomainError(
      'validation',
      'format: this export is a table (CSV, Markdown or HTML)',
      'format',
    );
  const forum = forumForAudience(ctx, req.forumId, req.audience);
  const figures = representationFigures(ctx, req.forumId, req.audience);
  const rows: string[][] = [];
  for (const p of figures.phases) {
    if (!p.tracked) {
      rows.push(['Participation', p.label, '', 'Not recorded in the app', '', '']);
      continue;
    }
    rows.push(['Participation', p.label, 'Total', 'People', '', p.people.text]);
    if (p.events && p.eventsLabel)
      rows.push(['Participation', p.label, 'Total', p.eventsLabel, '', p.events.text]);
    for (const d of DIMENSIONS)
      for (const c of p.byDimension[d])
        rows.push(['Participation', p.label, DIMENSION_LABELS[d], c.label, '', c.value.text]);
  }
  for (const row of figures.plan)
    for (const a of row.actuals)
      rows.push([
        'Stakeholder map',
        FIGURE_PHASE_LABELS[a.phase],
        `${row.label} (${INVOLVEMENT_LEVEL_LABELS[row.level]})`,
        'People',
        a.target === null ? '' : String(a.target),
        a.actual.text,
      ]);
  for (const t of figures.trend) {
    const when = isoDay(t.startAt);
    rows.push([
      'Call attendance',
      `${t.title} (${when})`,
      'Total',
      'Attendances',
      '',
      t.attended.text,
    ]);
    STAKEHOLDER_GROUPS.forEach((g, i) =>
      rows.push([
        'Call attendance',
        `${t.title} (${when})`,
        DIMENSION_LABELS.stakeholder_group,
        STAKEHOLDER_GROUP_LABELS[g],
        '',
        t.byGroup[i].text,
      ]),
    );
  }
  return {
    title: `Representation: ${forum.title}`,
    meta: [
      `Forum: ${forum.title} (${forum.year})`,
      `Audience: ${AUDIENCE_LABELS[req.audience]}`,
      `Exported: ${isoDay(ctx.now())}`,
      `Calls held: ${figures.callsHeld}; NRI sessions held: ${figures.sessionsHeld}`,
      PERTURBATION_NOTE,
      PROTECTED_NOTE,
    ],
    columns: ['Section', 'Phase', 'Breakdown', 'Category', 'Planned (at least)', 'Actual'],
    align: [null, null, null, null, 'right', 'right'],
    rows,
    empty: 'No figures yet.',
  };
}
