/**
 * Contribution exports, rendered through the consent rules (shared/domain/consent.ts), the
 * redaction policy (free text through the forum's redactor) and small-cell suppression
 * (shared/domain/suppression.ts):
 *
 * - 'contribution-coverage': accepted contributions by region, theme, kind and contributor
 *   stakeholder group; counts of 1-2 are "<3", with secondary suppression ("x") so a total minus
 *   the cells shown never reveals a small count. Contributions whose publication was withdrawn
 *   are never counted; for public and participants only those that may be published.
 * - 'contributions': the accepted contributions an audience may see, each credited as consent and
 *   protection allow (a protected contributor: pseudonym or anonymous, whatever was recorded).
 */
import {
  coverageCounts,
  listAllContributions,
  themeNamesOf,
} from '../../../db/queries/contributions';
import { getParticipant } from '../../../db/queries/participants';
import {
  contributionUse,
  type ConsentState,
  type Contributor,
} from '../../../shared/domain/consent';
import { creditOfContributor } from '../../../shared/domain/credit';
import {
  CONTRIBUTION_KIND_LABELS,
  CONTRIBUTION_SOURCE_LABELS,
  type Attribution,
  type ContributionKind,
  type ContributionSource,
  type WithdrawalScope,
} from '../../../shared/domain/contributions';
import { countryByCode, REGION_LABELS, type Region } from '../../../shared/domain/countries';
import type { ExportKind } from '../../../shared/domain/safeguards';
import { cellText, suppressList } from '../../../shared/domain/suppression';
import {
  AUDIENCE_LABELS,
  STAKEHOLDER_GROUP_LABELS,
  type Audience,
  type StakeholderGroup,
} from '../../../shared/domain/vocabulary';
import { DomainError } from '../../../shared/result';
import type { BackendContext } from '../context';
import { protectionFor } from '../privacy/redactors';
import type { Table } from './documents';
import { forumForAudience, type RedactionTally } from './policy';

export const CONTRIBUTION_EXPORT_KINDS = ['contribution-coverage', 'contributions'] as const;
export type ContributionExportKind = (typeof CONTRIBUTION_EXPORT_KINDS)[number];

export const isContributionExportKind = (k: ExportKind): k is ContributionExportKind & ExportKind =>
  (CONTRIBUTION_EXPORT_KINDS as readonly string[]).includes(k);

const isoDay = (ms: number) => new Date(ms).toISOString().slice(0, 10);

export interface ContributionExportRequest {
  forumId: string;
  kind: ContributionExportKind;
  format: string;
  audience: Audience;
}

/** The table of a contribution export (CSV, Markdown or HTML only). */
export function contributionTable(
  ctx: BackendContext,
  req: ContributionExportRequest,
  tally: RedactionTally,
): Table {
  if (req.format !== 'csv' && req.format !== 'md' && req.format !== 'html')
    throw new DomainError(
      'validation',
      'format: this export is a table (CSV, Markdown or HTML)',
      'format',
    );
  return req.kind === 'contribution-coverage'
    ? coverageTable(ctx, req.forumId, req.audience)
    : contributionsTable(ctx, req.forumId, req.audience, tally);
}

function coverageTable(ctx: BackendContext, forumId: string, audience: Audience): Table {
  const forum = forumForAudience(ctx, forumId, audience);
  const counts = coverageCounts(ctx.db, forumId, audience !== 'coordinators');
  const rows: string[][] = [];
  const section = (
    dimension: string,
    cells: { label: string; count: number }[],
    additive: boolean,
  ) => {
    const s = suppressList(
      cells.map((c) => c.count),
      { additive, total: counts.accepted },
    );
    cells.forEach((c, i) => rows.push([dimension, c.label, cellText(s.cells[i])]));
    rows.push([dimension, 'Total accepted contributions', cellText(s.total)]);
  };
  const keyed = <K extends string>(
    labels: Record<K, string>,
    rowsIn: { key: string | null; count: number }[],
    unknown: string,
  ) => {
    const by = new Map(rowsIn.map((r) => [r.key, r.count]));
    const out = (Object.keys(labels) as K[]).map((k) => ({
      label: labels[k],
      count: by.get(k) ?? 0,
    }));
    const none = by.get(null) ?? 0;
    if (none > 0) out.push({ label: unknown, count: none });
    return out;
  };
  section('Region', keyed<Region>(REGION_LABELS, counts.byRegion, 'No region recorded'), true);
  section(
    'Stakeholder group of contributor',
    keyed<StakeholderGroup>(
      STAKEHOLDER_GROUP_LABELS,
      counts.byStakeholderGroup,
      'Outside or unknown contributor',
    ),
    true,
  );
  section(
    'Kind',
    keyed<ContributionKind>(CONTRIBUTION_KIND_LABELS, counts.byKind, 'Not recorded'),
    true,
  );
  const themeCounts = new Map(counts.byTheme.map((r) => [r.key, r.count]));
  const themes = ctx.db
    .prepare('SELECT id, name FROM themes WHERE forum_id = ? ORDER BY position, name')
    .all(forumId) as { id: string; name: string }[];
  // A contribution can have several themes (or none): the theme counts do not add up to the total.
  section(
    'Theme',
    themes.map((t) => ({ label: t.name, count: themeCounts.get(t.id) ?? 0 })),
    false,
  );
  return {
    title: `Coverage of accepted contributions: ${forum.title}`,
    meta: [
      `Forum: ${forum.title} (${forum.year})`,
      `Audience: ${AUDIENCE_LABELS[audience]}`,
      `Exported: ${isoDay(ctx.now())}`,
      'Counts of 1 or 2 are shown as "<3"; "x" marks a count withheld so that the small ones cannot be worked out from the totals.',
      'Contributions whose contributors withdrew consent to publication are not counted.' +
        (audience === 'coordinators'
          ? ''
          : ' Only contributions that may be published are counted.'),
    ],
    columns: ['Dimension', 'Category', 'Accepted contributions'],
    align: [null, null, 'right'],
    rows,
    empty: 'No accepted contributions yet.',
  };
}

function contributionsTable(
  ctx: BackendContext,
  forumId: string,
  audience: Audience,
  tally: RedactionTally,
): Table {
  const forum = forumForAudience(ctx, forumId, audience);
  const { redactor } = protectionFor(ctx, forumId);
  const all = listAllContributions(ctx.db, forumId).filter((c) => c.status === 'accepted');
  const themes = themeNamesOf(
    ctx.db,
    all.map((c) => c.id),
  );
  const rows: string[][] = [];
  for (const c of all) {
    const consent: ConsentState = {
      attribution: c.attribution as Attribution,
      mayPublish: c.mayPublish === 1,
      withdrawn: c.consentWithdrawnScope as WithdrawalScope | null,
    };
    const use = contributionUse(consent, audience);
    if (!use.included) continue;
    let who: Contributor | null = null;
    if (c.contributorId) {
      const p = getParticipant(ctx.db, c.contributorId);
      if (p)
        who = {
          name: p.fullName,
          organisation: p.organisation ?? '',
          isProtected: p.isProtected === 1,
          pseudonym: p.pseudonym,
        };
    } else if (c.contributorName || c.contributorOrganisation)
      who = {
        name: c.contributorName,
        organisation: c.contributorOrganisation,
        isProtected: false,
        pseudonym: null,
      };
    const credit = creditOfContributor(use.attribution, who, audience);
    if (credit.kind === 'pseudonym') tally.withheld(1, credit.text);
    rows.push([
      tally.text(redactor, c.title),
      CONTRIBUTION_KIND_LABELS[c.kind as ContributionKind] ?? c.kind,
      c.country ? (countryByCode(c.country)?.name ?? c.country) : '',
      c.region ? (REGION_LABELS[c.region as Region] ?? '') : '',
      (themes.get(c.id) ?? []).join('; '),
      CONTRIBUTION_SOURCE_LABELS[c.source as ContributionSource] ?? c.source,
      credit.kind === 'pseudonym' ? credit.text : tally.text(redactor, credit.text),
      tally.text(redactor, c.summary),
      tally.text(redactor, c.body),
      (JSON.parse(c.links) as string[]).join(' '),
      c.receivedOn,
    ]);
  }
  return {
    title: `Accepted contributions: ${forum.title}`,
    meta: [
      `Forum: ${forum.title} (${forum.year})`,
      `Audience: ${AUDIENCE_LABELS[audience]}`,
      `Exported: ${isoDay(ctx.now())}`,
      `Contributions: ${rows.length}`,
    ],
    columns: [
      'Title',
      'Kind',
      'Country',
      'Region',
      'Themes',
      'Source',
      'Credit',
      'Summary',
      'Full text',
      'Links',
      'Received',
    ],
    rows,
    empty: 'No accepted contributions may be used in this export.',
  };
}
