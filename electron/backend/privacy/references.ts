/**
 * Resolves the references generated sections store (`[@credit:<id>]`, `[@attribution:<id>]`,
 * `[@person:<id>]`, `[@organisation:<id>]`, `[@commenter:<id>]`) with the records and protections
 * of the moment the report is rendered, through the one credit rule (shared/domain/credit.ts).
 * A protected person is their pseudonym; their organisation, country and group are withheld.
 */
import { getContributionRow } from '../../../db/queries/contributions';
import { getParticipant } from '../../../db/queries/participants';
import { getCommentRow } from '../../../db/queries/report';
import { contributionUse } from '../../../shared/domain/consent';
import type { Attribution, WithdrawalScope } from '../../../shared/domain/contributions';
import { countryByCode } from '../../../shared/domain/countries';
import { creditLine } from '../../../shared/domain/credit';
import type { ReferenceKind } from '../../../shared/domain/markdownTree';
import { ANONYMOUS_COMMENTER } from '../../../shared/domain/reportComments';
import {
  STAKEHOLDER_GROUP_LABELS,
  type Audience,
  type StakeholderGroup,
} from '../../../shared/domain/vocabulary';
import type { BackendContext } from '../context';
import type { RedactionTally } from './tally';

export const NOT_ON_RECORD = 'no longer on record';

/** How a contribution is credited now (credit line; `withWhere`: and its country). */
export function contributionCredit(
  ctx: BackendContext,
  forumId: string,
  id: string,
  audience: Audience,
  withWhere: boolean,
  tally?: RedactionTally,
): string {
  const c = getContributionRow(ctx.db, id);
  if (!c || c.forumId !== forumId) return NOT_ON_RECORD;
  const use = contributionUse(
    {
      attribution: c.attribution as Attribution,
      mayPublish: c.mayPublish === 1,
      withdrawn: c.consentWithdrawnScope as WithdrawalScope | null,
    },
    audience,
  );
  if (!use.included) return 'not published at its contributor’s request';
  const p = c.contributorId ? getParticipant(ctx.db, c.contributorId) : undefined;
  const isProtected = p?.isProtected === 1;
  const credit = creditLine({
    contributor: p
      ? { name: p.fullName, organisation: p.organisation }
      : c.contributorName || c.contributorOrganisation
        ? { name: c.contributorName, organisation: c.contributorOrganisation }
        : null,
    attribution: use.attribution,
    protection: p ? { isProtected, pseudonym: p.pseudonym } : null,
    audience,
  });
  if (credit.kind === 'pseudonym') tally?.withheld(1, credit.text);
  const where =
    withWhere && c.country && !isProtected ? (countryByCode(c.country)?.name ?? c.country) : '';
  return [credit.text, where].filter(Boolean).join(', ');
}

/** The text a reference stands for in an output for `audience`. */
export function resolveReference(
  ctx: BackendContext,
  forumId: string,
  kind: ReferenceKind,
  id: string,
  audience: Audience,
  tally?: RedactionTally,
): string {
  if (kind === 'credit' || kind === 'attribution')
    return contributionCredit(ctx, forumId, id, audience, kind === 'attribution', tally);
  if (kind === 'person' || kind === 'organisation') {
    const p = getParticipant(ctx.db, id);
    if (!p || p.forumId !== forumId) return kind === 'person' ? NOT_ON_RECORD : '';
    const hidden = p.isProtected === 1 && audience !== 'coordinators';
    if (hidden) {
      tally?.withheld(1, p.pseudonym ?? 'Protected participant');
      return kind === 'person' ? (p.pseudonym ?? 'Protected participant') : '';
    }
    return kind === 'person' ? p.fullName : (p.organisation ?? '');
  }
  // commenter
  const c = getCommentRow(ctx.db, id);
  if (!c) return NOT_ON_RECORD;
  const p = c.participantId ? getParticipant(ctx.db, c.participantId) : undefined;
  const credit = creditLine({
    contributor: { name: p ? p.fullName : c.commenterName, organisation: null },
    attribution: c.anonymous === 1 ? 'anonymous' : 'named',
    protection: p ? { isProtected: p.isProtected === 1, pseudonym: p.pseudonym } : null,
    audience,
    anonymousText: ANONYMOUS_COMMENTER,
  });
  if (credit.kind === 'pseudonym') {
    tally?.withheld(1, credit.text);
    return credit.text; // no group: with few commenters it can single them out
  }
  const group = c.stakeholderGroup
    ? STAKEHOLDER_GROUP_LABELS[c.stakeholderGroup as StakeholderGroup]
    : '';
  return group && credit.kind === 'named' ? `${credit.text} (${group})` : credit.text;
}
