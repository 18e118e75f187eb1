/**
 * Contributions: recording, review, consent and finding them. Business rules and transactions;
 * SQL is in db/queries/contributions.ts, consent rules in shared/domain/consent.ts.
 */
import {
  callTitle,
  contributionRowsByIds,
  contributionSnippets,
  coverageCounts,
  deleteTheme,
  findThemeByName,
  getContributionRow,
  getTheme,
  insertContribution,
  insertHistory,
  insertTheme,
  listCallOptions,
  listContributionSortRows,
  listContributions,
  listHistory,
  listSessionOptions,
  listThemes,
  renameTheme,
  searchNotes,
  sessionTitle,
  setContributionThemes,
  similarCandidates,
  themeIdsOf,
  themeNamesOf,
  updateContributionRow,
  type ContributionFilters,
  type ContributionRowColumns,
  type ContributionSortRow,
  type ContributionRecord,
  type ThemeRecord,
} from '../../../db/queries/contributions';
import { getParticipant } from '../../../db/queries/participants';
import { getSetting } from '../../../db/queries/settings';
import type {
  Contribution,
  ContributionCoverage,
  ContributionPage,
  ContributionRow,
  ContributionSearch,
  ContributionSources,
  CoverageBar,
  DuplicateCandidate,
  Theme,
} from '../../../shared/api';
import { contributionUse, type Contributor } from '../../../shared/domain/consent';
import { creditOfContributor } from '../../../shared/domain/credit';
import {
  CONTRIBUTION_KIND_LABELS,
  CONTRIBUTION_KINDS_BY_LABEL,
  CONTRIBUTION_STATUSES_BY_LABEL,
  type Attribution,
  type ConsentMethod,
  type ContributionKind,
  type ContributionSource,
  type ContributionStatus,
  type WithdrawalScope,
} from '../../../shared/domain/contributions';
import { REGION_LABELS, regionOf, type Region } from '../../../shared/domain/countries';
import { sortKey } from '../../../shared/domain/collation';
import { newId } from '../../../shared/domain/ids';
import { ftsAnyQuery, ftsQuery, highlightSegments } from '../../../shared/domain/search';
import { similarity } from '../../../shared/domain/similarity';
import {
  STAKEHOLDER_GROUP_LABELS,
  type Audience,
  type StakeholderGroup,
} from '../../../shared/domain/vocabulary';
import { CONSENT_BEFORE_RECEIPT, consentBeforeReceipt } from '../../../shared/domain/forumDates';
import { DomainError } from '../../../shared/result';
import type { ParsedInput } from '../../../shared/schemas';
import type { ContributionSort } from '../../../shared/schemas/contributions';
import { recordAudit } from '../audit/service';
import type { BackendContext } from '../context';
import { requireForum } from '../forums/service';
import { redactMarkdown } from '../privacy/markdown';
import { contributionForAudience, textRedactor } from '../privacy/views';
import { namesProtected, queryWords, redactedSnippet, visiblyMatches } from '../privacy/search';
import { protectionFor } from '../privacy/redactors';
import { cellKeyFromSum, perturbCount } from '../../../shared/domain/statistics/perturbation';

export type ContributionFields = Omit<ParsedInput<'contributions.create'>, 'forumId'>;

/** Who is making a change, for the history: the name set in settings, or "Coordinator". */
export function actorName(ctx: BackendContext): string {
  return getSetting(ctx.db, 'user.name') || 'Coordinator';
}

function history(
  ctx: BackendContext,
  contributionId: string,
  action: string,
  detail: { field?: string; from?: unknown; to?: unknown; note?: string } = {},
): void {
  const at = ctx.now();
  insertHistory(ctx.db, {
    id: newId(at),
    contributionId,
    at,
    actor: actorName(ctx),
    action,
    detail: JSON.stringify(detail),
  });
}

/* ---- Themes ---- */

const toTheme = (t: ThemeRecord): Theme => ({
  id: t.id,
  forumId: t.forumId,
  name: t.name,
  contributionCount: t.contributionCount,
});

function requireTheme(ctx: BackendContext, id: string): ThemeRecord {
  const t = getTheme(ctx.db, id);
  if (!t) throw new DomainError('not_found', 'No theme with this id', 'id');
  return t;
}

export function listForumThemes(ctx: BackendContext, forumId: string): Theme[] {
  requireForum(ctx, forumId, 'forumId');
  return listThemes(ctx.db, forumId).map(toTheme);
}

export function createTheme(ctx: BackendContext, forumId: string, name: string): Theme {
  return ctx.db.transaction(() => {
    requireForum(ctx, forumId, 'forumId');
    if (findThemeByName(ctx.db, forumId, name))
      throw new DomainError(
        'conflict',
        'name: this forum already has a theme with this name',
        'name',
      );
    const id = newId(ctx.now());
    insertTheme(ctx.db, { id, forumId, name });
    return toTheme(requireTheme(ctx, id));
  })();
}

export function updateTheme(ctx: BackendContext, id: string, name: string): Theme {
  return ctx.db.transaction(() => {
    const t = requireTheme(ctx, id);
    const other = findThemeByName(ctx.db, t.forumId, name);
    if (other && other.id !== id)
      throw new DomainError(
        'conflict',
        'name: this forum already has a theme with this name',
        'name',
      );
    renameTheme(ctx.db, id, name);
    return toTheme(requireTheme(ctx, id));
  })();
}

export function removeTheme(ctx: BackendContext, id: string): { id: string } {
  return ctx.db.transaction(() => {
    const t = requireTheme(ctx, id);
    deleteTheme(ctx.db, id);
    recordAudit(ctx, {
      forumId: t.forumId,
      action: 'theme.remove',
      subjectType: 'theme',
      subjectId: id,
      detail: { name: t.name, contributions: t.contributionCount },
    });
    return { id };
  })();
}

/* ---- Reading ---- */

function requireContribution(ctx: BackendContext, id: string, field = 'id'): ContributionRecord {
  const c = getContributionRow(ctx.db, id);
  if (!c) throw new DomainError('not_found', 'No contribution with this id', field);
  return c;
}

function contributorOf(ctx: BackendContext, c: ContributionRecord): Contributor | null {
  if (c.contributorId) {
    const p = getParticipant(ctx.db, c.contributorId);
    if (p)
      return {
        name: p.fullName,
        organisation: p.organisation ?? '',
        isProtected: p.isProtected === 1,
        pseudonym: p.pseudonym,
      };
  }
  if (c.contributorName || c.contributorOrganisation)
    return {
      name: c.contributorName,
      organisation: c.contributorOrganisation,
      isProtected: false,
      pseudonym: null,
    };
  return null;
}

const consentOf = (c: {
  attribution: string;
  mayPublish: number;
  consentWithdrawnScope: string | null;
}) => ({
  attribution: c.attribution as Attribution,
  mayPublish: c.mayPublish === 1,
  withdrawn: c.consentWithdrawnScope as WithdrawalScope | null,
});

/**
 * How an output for `audience` credits a contribution (consent and protection applied, the
 * credit's text through the free-text redactor), or null when the output may not use it.
 */
export function creditForAudience(
  ctx: BackendContext,
  c: ContributionRecord,
  audience: Audience,
): string | null {
  const use = contributionUse(consentOf(c), audience);
  if (!use.included) return null;
  const credit = creditOfContributor(use.attribution, contributorOf(ctx, c), audience);
  return redactMarkdown(credit.text, protectionFor(ctx, c.forumId).redactor).text;
}

export function duplicatesOf(
  ctx: BackendContext,
  forumId: string,
  draft: { title: string; summary: string; body: string },
  excludeId?: string,
): DuplicateCandidate[] {
  const match = ftsAnyQuery(`${draft.title} ${draft.summary} ${draft.body.slice(0, 2000)}`);
  if (!match) return [];
  const text = `${draft.summary}\n${draft.body}`;
  return similarCandidates(ctx.db, forumId, match, 30)
    .filter((c) => c.id !== excludeId)
    .map((c) => ({
      c,
      s: similarity(
        { title: draft.title, text },
        { title: c.title, text: `${c.summary}\n${c.body}` },
      ),
    }))
    .filter(({ s }) => s.duplicate)
    .map(({ c, s }) => ({
      id: c.id,
      title: c.title,
      status: c.status as ContributionStatus,
      reason: s.reason === 'title' ? ('title' as const) : ('text' as const),
      score: Math.round(Math.max(s.title, s.text) * 100) / 100,
    }))
    .sort((a, b) => b.score - a.score)
    .slice(0, 5);
}

export function toContribution(ctx: BackendContext, c: ContributionRecord): Contribution {
  const themeIds = themeIdsOf(ctx.db, c.id);
  const themes = new Map(listThemes(ctx.db, c.forumId).map((t) => [t.id, t.name]));
  const p = c.contributorId ? getParticipant(ctx.db, c.contributorId) : undefined;
  const sourceTitle =
    (c.sourceCallId ? callTitle(ctx.db, c.sourceCallId)?.title : undefined) ??
    (c.sourceSessionId ? sessionTitle(ctx.db, c.sourceSessionId)?.title : undefined) ??
    null;
  return {
    id: c.id,
    forumId: c.forumId,
    title: c.title,
    summary: c.summary,
    body: c.body,
    kind: c.kind as ContributionKind,
    country: c.country,
    region: c.region as Region | null,
    themeIds,
    themeNames: themeIds.map((t) => themes.get(t) ?? ''),
    source: c.source as ContributionSource,
    sourceCallId: c.sourceCallId,
    sourceSessionId: c.sourceSessionId,
    sourceTitle,
    contributorId: c.contributorId,
    contributor: p
      ? {
          id: p.id,
          fullName: p.fullName,
          organisation: p.organisation,
          email: p.email,
          stakeholderGroup: p.stakeholderGroup as StakeholderGroup,
          isProtected: p.isProtected === 1,
          pseudonym: p.pseudonym,
        }
      : null,
    contributorName: c.contributorName,
    contributorOrganisation: c.contributorOrganisation,
    language: c.language,
    receivedOn: c.receivedOn,
    links: JSON.parse(c.links) as string[],
    attribution: c.attribution as Attribution,
    mayPublish: c.mayPublish === 1,
    consentGivenOn: c.consentGivenOn,
    consentMethod: c.consentMethod as ConsentMethod | null,
    consentWithdrawnAt: c.consentWithdrawnAt,
    consentWithdrawnScope: c.consentWithdrawnScope as WithdrawalScope | null,
    publicCredit: creditForAudience(ctx, c, 'public'),
    status: c.status as ContributionStatus,
    reviewerNotes: c.reviewerNotes,
    history: listHistory(ctx.db, c.id).map((h) => {
      const d = JSON.parse(h.detail) as {
        field?: string;
        from?: unknown;
        to?: unknown;
        note?: string;
      };
      return {
        id: h.id,
        at: h.at,
        actor: h.actor,
        action: h.action,
        field: d.field ?? null,
        from: d.from ?? null,
        to: d.to ?? null,
        note: d.note ?? null,
      };
    }),
    possibleDuplicates: duplicatesOf(ctx, c.forumId, c, c.id),
    createdAt: c.createdAt,
    updatedAt: c.updatedAt,
  };
}

export function getContribution(
  ctx: BackendContext,
  id: string,
  audience: Audience = 'coordinators',
): Contribution {
  const c = requireContribution(ctx, id);
  if (audience === 'coordinators') return toContribution(ctx, c);
  // What an export for this audience may not use does not exist for its reader either.
  const use = contributionUse(consentOf(c), audience);
  if (!use.included || c.mayPublish !== 1 || c.consentWithdrawnScope === 'publication')
    throw new DomainError('not_found', 'No contribution with this id', 'id');
  const { redactor } = protectionFor(ctx, c.forumId);
  return contributionForAudience(
    toContribution(ctx, c),
    creditForAudience(ctx, c, audience) ?? '',
    textRedactor(audience, redactor),
  );
}

/** The contributor as the list shows it to `audience` (`red`: that audience's text redactor). */
function contributorLabelFor(
  r: ContributionSortRow,
  audience: Audience,
  red: (s: string) => string,
): string {
  if (audience === 'coordinators')
    return r.participantName ?? (r.contributorName || r.contributorOrganisation || 'Not recorded');
  const use = contributionUse(consentOf(r), audience);
  if (!use.included) return '';
  const who: Contributor | null =
    r.participantName !== null
      ? {
          name: r.participantName,
          organisation: r.participantOrganisation ?? '',
          isProtected: r.isProtected === 1,
          pseudonym: r.pseudonym,
        }
      : r.contributorName || r.contributorOrganisation
        ? {
            name: r.contributorName,
            organisation: r.contributorOrganisation,
            isProtected: false,
            pseudonym: null,
          }
        : null;
  return red(creditOfContributor(use.attribution, who, audience).text);
}

function rowFor(
  r: ContributionRowColumns,
  audience: Audience,
  red: (s: string) => string,
  themeNames: string[],
): ContributionRow {
  return {
    id: r.id,
    title: red(r.title),
    summary: red(r.summary),
    kind: r.kind as ContributionKind,
    status: r.status as ContributionStatus,
    source: r.source as ContributionSource,
    country: r.country,
    region: r.region as Region | null,
    receivedOn: r.receivedOn,
    attribution: r.attribution as Attribution,
    mayPublish: r.mayPublish === 1,
    consentWithdrawnScope: r.consentWithdrawnScope as WithdrawalScope | null,
    contributorLabel: contributorLabelFor(r, audience, red),
    stakeholderGroup: r.stakeholderGroup as StakeholderGroup | null,
    themeNames: themeNames.map(red),
    snippet: null,
    titleHighlighted: null,
  };
}

/** The page's rows as `audience` reads them, with their theme names (one query for the page). */
function rowsFor(
  ctx: BackendContext,
  rows: ContributionRowColumns[],
  audience: Audience,
  red: (s: string) => string,
): ContributionRow[] {
  const themes = themeNamesOf(
    ctx.db,
    rows.map((r) => r.id),
  );
  return rows.map((r) => rowFor(r, audience, red, themes.get(r.id) ?? []));
}

/** The list query of the input's filters (the page and the order are the caller's). */
function filtersOf(
  input: ParsedInput<'contributions.list'>,
  audience: Audience,
): ContributionFilters {
  return {
    forumId: input.forumId,
    status: input.status,
    themeId: input.themeId,
    region: input.region,
    kind: input.kind,
    source: input.source,
    stakeholderGroup: input.stakeholderGroup,
    publishableOnly: audience !== 'coordinators',
  };
}

/**
 * The key of a row in the order `sort` of what `audience` is shown: the redacted title, the
 * contributor's label (a protected person's pseudonym), folded as the SQL order folds them; the
 * label's place for kinds and statuses (as in SQL, db/queries/contributions.ts).
 */
function shownSortKey(
  r: ContributionSortRow,
  sort: ContributionSort,
  audience: Audience,
  red: (s: string) => string,
): string | number {
  switch (sort) {
    case 'title':
      return sortKey(red(r.title));
    case 'contributor':
      return sortKey(contributorLabelFor(r, audience, red));
    case 'kind':
      return CONTRIBUTION_KINDS_BY_LABEL.indexOf(r.kind as ContributionKind);
    case 'status':
      return CONTRIBUTION_STATUSES_BY_LABEL.indexOf(r.status as ContributionStatus);
    case 'received':
      return r.receivedOn;
  }
}

/** Sorts `items` by the shown key of their row, then by id, both in `direction`. */
function inShownOrder<T extends { r: ContributionSortRow }>(
  items: T[],
  sort: ContributionSort,
  direction: 'asc' | 'desc',
  audience: Audience,
  red: (s: string) => string,
): T[] {
  const dir = direction === 'desc' ? -1 : 1;
  const cmp = (a: string | number, b: string | number) => (a < b ? -1 : a > b ? 1 : 0);
  return items
    .map((item) => ({ item, key: shownSortKey(item.r, sort, audience, red) }))
    .sort((a, b) => dir * (cmp(a.key, b.key) || cmp(a.item.r.id, b.item.r.id)))
    .map(({ item }) => item);
}

/**
 * Outside coordinators, titles are redacted and contributors credited (a protected person by
 * pseudonym), so those orders cannot come from SQL, whose keys are the stored texts: the page
 * order would tell where a real name sorts. Every matching row (a forum has thousands) is keyed by
 * the text the audience is shown and sorted here.
 */
const SHOWN_TEXT_SORTS: ReadonlySet<ContributionSort> = new Set(['title', 'contributor']);

export function listContributionPage(
  ctx: BackendContext,
  input: ParsedInput<'contributions.list'>,
  audience: Audience = 'coordinators',
): ContributionPage {
  requireForum(ctx, input.forumId, 'forumId');
  if (audience !== 'coordinators' && input.search)
    return publicContributionSearch(ctx, input, audience);
  const red = textRedactor(audience, protectionFor(ctx, input.forumId).redactor);
  const filters = filtersOf(input, audience);
  if (audience !== 'coordinators' && input.sort && SHOWN_TEXT_SORTS.has(input.sort)) {
    const all = listContributionSortRows(ctx.db, filters);
    const page = inShownOrder(
      all.map((r) => ({ r })),
      input.sort,
      input.direction,
      audience,
      red,
    ).slice(input.offset, input.offset + input.limit);
    const rows = contributionRowsByIds(
      ctx.db,
      page.map(({ r }) => r.id),
    );
    return { total: all.length, offset: input.offset, rows: rowsFor(ctx, rows, audience, red) };
  }
  const match = input.search ? ftsQuery(input.search) : null;
  const { total, rows } = listContributions(ctx.db, {
    ...filters,
    match,
    order: input.sort && { by: input.sort, direction: input.direction },
    offset: input.offset,
    limit: input.limit,
  });
  const out = rowsFor(ctx, rows, audience, red);
  if (match && rows.length > 0) {
    // Snippets are made only for the page's rows (not for every match before ranking).
    const snippets = new Map(
      contributionSnippets(
        ctx.db,
        match,
        rows.map((r) => r.key!),
      ).map((s) => [s.key, s]),
    );
    rows.forEach((r, i) => {
      const s = snippets.get(r.key!);
      if (!s) return;
      out[i].titleHighlighted = highlightSegments(s.title);
      out[i].snippet = highlightSegments(s.snippet);
    });
  }
  return { total, offset: input.offset, rows: out };
}

/** Candidates a public search looks at, at most (ranked best first by the index). */
const PUBLIC_SEARCH_CANDIDATES = 2000;

/**
 * A search outside coordinators (see privacy/search.ts): nothing for a query naming a protected
 * person; index hits kept only when their redacted text holds every word; snippets cut from it.
 * With `sort`, the visible hits are sorted here by what the audience is shown.
 */
function publicContributionSearch(
  ctx: BackendContext,
  input: ParsedInput<'contributions.list'>,
  audience: Audience,
): ContributionPage {
  const { redactor } = protectionFor(ctx, input.forumId);
  const empty: ContributionPage = { total: 0, offset: input.offset, rows: [] };
  const words = queryWords(input.search ?? '');
  const match = input.search ? ftsQuery(input.search) : null;
  if (!match || words.length === 0 || namesProtected(input.search ?? '', redactor)) return empty;
  const { rows } = listContributions(ctx.db, {
    ...filtersOf(input, audience),
    match,
    offset: 0,
    limit: PUBLIC_SEARCH_CANDIDATES,
  });
  const red = textRedactor(audience, redactor);
  const visible = rows.flatMap((r) => {
    const record = getContributionRow(ctx.db, r.id);
    if (!record) return [];
    const title = red(record.title);
    const text = `${red(record.summary)}\n${red(record.body)}`;
    return visiblyMatches(words, `${title}\n${text}`) ? [{ r, title, text }] : [];
  });
  const ordered = input.sort
    ? inShownOrder(visible, input.sort, input.direction, audience, red)
    : visible;
  const page = ordered.slice(input.offset, input.offset + input.limit);
  const out = rowsFor(
    ctx,
    page.map((v) => v.r),
    audience,
    red,
  );
  return {
    total: visible.length,
    offset: input.offset,
    rows: page.map(({ title, text }, i) => ({
      ...out[i],
      titleHighlighted: redactedSnippet(title, words, 40),
      snippet: redactedSnippet(text, words),
    })),
  };
}

export function searchEverything(
  ctx: BackendContext,
  input: ParsedInput<'contributions.search'>,
  audience: Audience = 'coordinators',
): ContributionSearch {
  const page = listContributionPage(
    ctx,
    {
      forumId: input.forumId,
      search: input.query,
      direction: 'asc',
      offset: 0,
      limit: input.limit,
    },
    audience,
  );
  const match = ftsQuery(input.query);
  const hits = match ? searchNotes(ctx.db, input.forumId, match, input.limit) : [];
  if (audience === 'coordinators')
    return {
      contributions: page.rows,
      contributionTotal: page.total,
      notes: hits.map((n) => ({
        type: n.type,
        id: n.id,
        title: n.title,
        startAt: n.startAt,
        snippet: highlightSegments(n.snippet),
      })),
    };
  const { redactor } = protectionFor(ctx, input.forumId);
  const words = queryWords(input.query);
  const red = (s: string) => redactMarkdown(s, redactor).text;
  const notes = namesProtected(input.query, redactor)
    ? []
    : hits.flatMap((n) => {
        const title = red(n.title);
        const body = red(n.body);
        if (!visiblyMatches(words, `${title}\n${body}`)) return [];
        return [
          {
            type: n.type,
            id: n.id,
            title,
            startAt: n.startAt,
            snippet: redactedSnippet(body, words),
          },
        ];
      });
  return { contributions: page.rows, contributionTotal: page.total, notes };
}

/* ---- Writing ---- */

interface Resolved {
  region: string | null;
  sourceCallId: string | null;
  sourceSessionId: string | null;
}

/** Checks that what a contribution links to belongs to its forum; derives the region. */
function resolveLinks(
  ctx: BackendContext,
  forumId: string,
  f: Pick<
    ContributionFields,
    | 'country'
    | 'region'
    | 'source'
    | 'sourceCallId'
    | 'sourceSessionId'
    | 'contributorId'
    | 'themeIds'
  >,
): Resolved {
  const sourceCallId = f.source === 'call' ? (f.sourceCallId ?? null) : null;
  const sourceSessionId = f.source === 'nri_session' ? (f.sourceSessionId ?? null) : null;
  if (sourceCallId && callTitle(ctx.db, sourceCallId)?.forumId !== forumId)
    throw new DomainError(
      'not_found',
      'sourceCallId: no call of this forum with this id',
      'sourceCallId',
    );
  if (sourceSessionId && sessionTitle(ctx.db, sourceSessionId)?.forumId !== forumId)
    throw new DomainError(
      'not_found',
      'sourceSessionId: no NRI session of this forum with this id',
      'sourceSessionId',
    );
  if (f.contributorId) {
    const p = getParticipant(ctx.db, f.contributorId);
    if (!p || p.forumId !== forumId || p.removedAt !== null)
      throw new DomainError(
        'not_found',
        'contributorId: no participant of this forum with this id',
        'contributorId',
      );
  }
  const known = new Set(listThemes(ctx.db, forumId).map((t) => t.id));
  for (const t of f.themeIds)
    if (!known.has(t))
      throw new DomainError(
        'not_found',
        'themeIds: no theme of this forum with this id',
        'themeIds',
      );
  const region = f.country ? (regionOf(f.country) ?? f.region ?? null) : (f.region ?? null);
  return { region, sourceCallId, sourceSessionId };
}

export function toRecord(
  f: ContributionFields,
  resolved: Resolved,
  base: Pick<
    ContributionRecord,
    | 'id'
    | 'forumId'
    | 'createdAt'
    | 'updatedAt'
    | 'status'
    | 'reviewerNotes'
    | 'consentWithdrawnAt'
    | 'consentWithdrawnScope'
  >,
): ContributionRecord {
  return {
    ...base,
    title: f.title,
    summary: f.summary,
    body: f.body,
    kind: f.kind,
    country: f.country,
    region: resolved.region,
    source: f.source,
    sourceCallId: resolved.sourceCallId,
    sourceSessionId: resolved.sourceSessionId,
    contributorId: f.contributorId ?? null,
    contributorName: f.contributorId ? '' : f.contributorName,
    contributorOrganisation: f.contributorId ? '' : f.contributorOrganisation,
    language: f.language,
    receivedOn: f.receivedOn,
    links: JSON.stringify(f.links),
    attribution: f.attribution,
    mayPublish: f.mayPublish ? 1 : 0,
    consentGivenOn: f.consentGivenOn ?? null,
    consentMethod: f.consentMethod ?? null,
  };
}

/** Consent cannot be dated before the contribution was received. */
function requireConsentAfterReceipt(f: {
  receivedOn: string;
  consentGivenOn?: string | null;
}): void {
  if (consentBeforeReceipt(f.receivedOn, f.consentGivenOn))
    throw new DomainError(
      'validation',
      `consentGivenOn: ${CONSENT_BEFORE_RECEIPT}`,
      'consentGivenOn',
    );
}

export function createContribution(
  ctx: BackendContext,
  input: ParsedInput<'contributions.create'>,
): Contribution {
  const { forumId, ...fields } = input;
  requireConsentAfterReceipt(fields);
  const id = ctx.db.transaction(() => {
    requireForum(ctx, forumId, 'forumId');
    const resolved = resolveLinks(ctx, forumId, fields);
    const now = ctx.now();
    const id = newId(now);
    insertContribution(
      ctx.db,
      toRecord(fields, resolved, {
        id,
        forumId,
        createdAt: now,
        updatedAt: now,
        status: 'submitted',
        reviewerNotes: '',
        consentWithdrawnAt: null,
        consentWithdrawnScope: null,
      }),
    );
    setContributionThemes(ctx.db, id, fields.themeIds);
    history(ctx, id, 'created', {
      note: `Attribution: ${fields.attribution}; may be published: ${fields.mayPublish ? 'yes' : 'no'}`,
    });
    recordAudit(ctx, {
      forumId,
      action: 'contribution.create',
      subjectType: 'contribution',
      subjectId: id,
      detail: { attribution: fields.attribution, mayPublish: fields.mayPublish },
    });
    return id;
  })();
  return getContribution(ctx, id);
}

const fieldsOf = (c: ContributionRecord, themeIds: string[]): ContributionFields => ({
  title: c.title,
  summary: c.summary,
  body: c.body,
  kind: c.kind as ContributionKind,
  country: c.country,
  region: c.region as Region | null,
  themeIds,
  source: c.source as ContributionSource,
  sourceCallId: c.sourceCallId,
  sourceSessionId: c.sourceSessionId,
  contributorId: c.contributorId,
  contributorName: c.contributorName,
  contributorOrganisation: c.contributorOrganisation,
  language: c.language,
  receivedOn: c.receivedOn,
  links: JSON.parse(c.links) as string[],
  attribution: c.attribution as Attribution,
  mayPublish: c.mayPublish === 1,
  consentGivenOn: c.consentGivenOn,
  consentMethod: c.consentMethod as ConsentMethod | null,
});

const CONSENT_FIELDS = ['attribution', 'mayPublish', 'consentGivenOn', 'consentMethod'] as const;

export function updateContribution(
  ctx: BackendContext,
  input: ParsedInput<'contributions.update'>,
): Contribution {
  const { id, ...patch } = input;
  ctx.db.transaction(() => {
    const before = requireContribution(ctx, id);
    const prev = fieldsOf(before, themeIdsOf(ctx.db, id));
    const defined = Object.fromEntries(
      Object.entries(patch).filter(([, v]) => v !== undefined),
    ) as Partial<ContributionFields>;
    const next: ContributionFields = { ...prev, ...defined };
    if (defined.country !== undefined && defined.region === undefined) next.region = null;
    requireConsentAfterReceipt(next);
    const resolved = resolveLinks(ctx, before.forumId, next);
    const now = ctx.now();
    const record = toRecord(next, resolved, { ...before, updatedAt: now });
    updateContributionRow(ctx.db, record);
    setContributionThemes(ctx.db, id, next.themeIds);
    const changed = (Object.keys(defined) as (keyof ContributionFields)[]).filter(
      (k) => JSON.stringify(prev[k]) !== JSON.stringify(next[k]),
    );
    const consentChanges = changed.filter((k) => (CONSENT_FIELDS as readonly string[]).includes(k));
    for (const k of consentChanges)
      history(ctx, id, 'consent', { field: k, from: prev[k], to: next[k] });
    const other = changed.filter((k) => !consentChanges.includes(k));
    if (other.length > 0) history(ctx, id, 'updated', { note: `Changed: ${other.join(', ')}` });
    if (consentChanges.length > 0)
      recordAudit(ctx, {
        forumId: before.forumId,
        action: 'contribution.consent',
        subjectType: 'contribution',
        subjectId: id,
        detail: Object.fromEntries(consentChanges.map((k) => [k, { from: prev[k], to: next[k] }])),
      });
  })();
  return getContribution(ctx, id);
}

export function setContributionStatus(
  ctx: BackendContext,
  input: ParsedInput<'contributions.setStatus'>,
): Contribution {
  ctx.db.transaction(() => {
    const c = requireContribution(ctx, input.id);
    const notes = input.reviewerNotes ?? c.reviewerNotes;
    if (c.status === input.status && notes === c.reviewerNotes) return;
    updateContributionRow(ctx.db, {
      ...c,
      status: input.status,
      reviewerNotes: notes,
      updatedAt: ctx.now(),
    });
    if (c.status !== input.status)
      history(ctx, c.id, 'status', {
        field: 'status',
        from: c.status,
        to: input.status,
        note: notes || undefined,
      });
    else history(ctx, c.id, 'updated', { field: 'reviewerNotes', note: 'Reviewer notes changed' });
    recordAudit(ctx, {
      forumId: c.forumId,
      action: 'contribution.review',
      subjectType: 'contribution',
      subjectId: c.id,
      detail: { from: c.status, to: input.status },
    });
  })();
  return getContribution(ctx, input.id);
}

export function withdrawConsent(
  ctx: BackendContext,
  input: ParsedInput<'contributions.withdrawConsent'>,
): Contribution {
  ctx.db.transaction(() => {
    const c = requireContribution(ctx, input.id);
    if (c.consentWithdrawnScope === 'publication')
      throw new DomainError('conflict', 'Consent to publication was already withdrawn', 'scope');
    if (c.consentWithdrawnScope === input.scope)
      throw new DomainError('conflict', 'Consent to attribution was already withdrawn', 'scope');
    const now = ctx.now();
    updateContributionRow(ctx.db, {
      ...c,
      consentWithdrawnAt: now,
      consentWithdrawnScope: input.scope,
      updatedAt: now,
    });
    history(ctx, c.id, 'consent_withdrawn', {
      field: 'consent',
      from: c.consentWithdrawnScope,
      to: input.scope,
      note: input.note || undefined,
    });
    recordAudit(ctx, {
      forumId: c.forumId,
      action: 'contribution.consent_withdrawn',
      subjectType: 'contribution',
      subjectId: c.id,
      detail: { scope: input.scope, note: input.note },
    });
  })();
  return getContribution(ctx, input.id);
}

/* ---- Coverage and sources ---- */

/**
 * Coverage of accepted contributions. For coordinators the exact counts; for any other audience
 * (`published`) the release's figures (shared/domain/statistics): each bar perturbed by its
 * contributions' cell key, the accepted total the sum of the region bars (the themes overlap, so
 * they have no total of their own), only contributions that may be published.
 */
export function contributionCoverage(
  ctx: BackendContext,
  forumId: string,
  audience: Audience = 'coordinators',
  opts: { published?: boolean } = {},
): ContributionCoverage {
  // Outside coordinators only publishable contributions count, and every figure is perturbed;
  // an export (`published`) is perturbed for coordinators too, being a release.
  const publishableOnly = audience !== 'coordinators';
  const published = opts.published ?? publishableOnly;
  const forum = requireForum(ctx, forumId, 'forumId');
  const counts = coverageCounts(ctx.db, forumId, publishableOnly, forum.secret);
  const value = (r: { count: number; keySum?: number | null } | undefined): number =>
    !r ? 0 : published ? perturbCount(r.count, cellKeyFromSum(r.keySum)) : r.count;
  const bars = <K extends string>(
    keys: readonly K[],
    labels: Record<K, string>,
    rows: { key: string | null; count: number; keySum: number }[],
    unknown: string,
  ): CoverageBar[] => {
    const by = new Map(rows.map((r) => [r.key, r]));
    const out: CoverageBar[] = keys.map((k) => ({
      key: k,
      label: labels[k],
      count: value(by.get(k)),
    }));
    // Listed always when published: its appearing would say someone is in it.
    if (published || by.has(null))
      out.push({ key: '', label: unknown, count: value(by.get(null)) });
    return out;
  };
  const themes = listThemes(ctx.db, forumId);
  const themeCounts = new Map(counts.byTheme.map((r) => [r.key, r]));
  const byRegion = bars(
    Object.keys(REGION_LABELS) as Region[],
    REGION_LABELS,
    counts.byRegion,
    'No region recorded',
  );
  const coverage: ContributionCoverage = {
    accepted: published ? byRegion.reduce((s, b) => s + b.count, 0) : counts.accepted,
    byRegion,
    byTheme: themes.map((t) => ({ key: t.id, label: t.name, count: value(themeCounts.get(t.id)) })),
    byKind: bars(
      Object.keys(CONTRIBUTION_KIND_LABELS) as ContributionKind[],
      CONTRIBUTION_KIND_LABELS,
      counts.byKind,
      'Not recorded',
    ),
    byStakeholderGroup: bars(
      Object.keys(STAKEHOLDER_GROUP_LABELS) as StakeholderGroup[],
      STAKEHOLDER_GROUP_LABELS,
      counts.byStakeholderGroup,
      'Outside or unknown contributor',
    ),
  };
  if (!published) return coverage;
  // Theme names are free text; the published figures are shown as they are (already perturbed).
  const redact = textRedactor(audience, protectionFor(ctx, forumId).redactor);
  const shown = (bars: CoverageBar[]): CoverageBar[] =>
    bars.map((b) => ({ ...b, label: redact(b.label), shown: String(b.count) }));
  return {
    ...coverage,
    acceptedShown: String(coverage.accepted),
    byRegion: shown(coverage.byRegion),
    byTheme: shown(coverage.byTheme),
    byKind: shown(coverage.byKind),
    byStakeholderGroup: shown(coverage.byStakeholderGroup),
  };
}

export function contributionSources(ctx: BackendContext, forumId: string): ContributionSources {
  requireForum(ctx, forumId, 'forumId');
  return { calls: listCallOptions(ctx.db, forumId), sessions: listSessionOptions(ctx.db, forumId) };
}
