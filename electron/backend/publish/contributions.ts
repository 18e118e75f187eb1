/**
 * Contribution exports, rendered through the consent rules (shared/domain/consent.ts), the
 * redaction policy (free text through the forum's redactor) and small-cell suppression
 * (shared/domain/suppression.ts):
 *
 * - 'contribution-coverage': accepted contributions by region, theme, kind and contributor
 *   stakeholder group, the release's perturbed figures (shared/domain/statistics via
 *   contributions/service `contributionCoverage`), totals the sums of the figures shown. Contributions whose publication was withdrawn
 *   are never counted; for public and participants only those that may be published.
 * - 'contributions': the accepted contributions an audience may see, each credited as consent and
 *   protection allow (a protected contributor: pseudonym or anonymous, whatever was recorded).
 */
import { listAllContributions, themeNamesOf } from '../../../db/queries/contributions';
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
import { AUDIENCE_LABELS, type Audience } from '../../../shared/domain/vocabulary';
import { DomainError } from '../../../shared/result';
import type { BackendContext } from '../context';
import { contributionCoverage } from '../contributions/service';
import { PERTURBATION_NOTE } from '../privacy/statistics';
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
  // The figures leave the app: always the release's (perturbed) figures, whatever the audience.
  const cov = contributionCoverage(ctx, forumId, audience, { published: true });
  const rows: string[][] = [];
  const section = (dimension: string, bars: { label: string; count: number }[], total: number) => {
    bars.forEach((c) => rows.push([dimension, c.label, String(c.count)]));
    rows.push([dimension, 'Total accepted contributions', String(total)]);
  };
  const sum = (bars: { count: number }[]) => bars.reduce((s, b) => s + b.count, 0);
  section('Region', cov.byRegion, sum(cov.byRegion));
  section('Stakeholder group of contributor', cov.byStakeholderGroup, sum(cov.byStakeholderGroup));
  section('Kind', cov.byKind, sum(cov.byKind));
  // A contribution can have several themes (or none): the theme figures do not add up; the
  // total shown is the region table's.
  section('Theme', cov.byTheme, cov.accepted);
  return {
    title: `Coverage of accepted contributions: ${forum.title}`,
    meta: [
      `Forum: ${forum.title} (${forum.year})`,
      `Audience: ${AUDIENCE_LABELS[audience]}`,
      `Exported: ${isoDay(ctx.now())}`,
      PERTURBATION_NOTE,
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
