/**
 * The generated, refreshable sections of the outcome report, made from the forum's records:
 * methodology (calls, NRI sessions, surveys, who took part: the public release's perturbed figures,
 * protected people's attributes "Not recorded", shared/domain/statistics),
 * practices by theme and region (accepted contributions credited per consent and protection),
 * contributors (only those who consented to be listed; protected people never named) and the
 * analysis of comments. Credits, names, organisations and commenters are stored as references
 * (`[@credit:<id>]`, ...: shared/domain/markdownTree.ts) and resolved when the report is rendered,
 * so a protection added after a version was saved still applies to it. Each is Markdown (tables marked `<!-- chart: ... -->` become bar charts
 * in HTML, PDF and DOCX) and is written for outputs: protected people appear by pseudonym only.
 * The fingerprint is a hash of the generated text, so "stale" means "regenerating would change it".
 */
import { listAllContributions, themeNamesOf } from '../../../db/queries/contributions';
import {
  forumInputs,
  listCallsHeld,
  listParticipantStats,
  listReportComments,
  listSessionsForReport,
} from '../../../db/queries/report';
import { contributionUse, type Contributor } from '../../../shared/domain/consent';
import { creditLine, creditOfContributor } from '../../../shared/domain/credit';
import {
  CONTRIBUTION_SOURCE_LABELS,
  type Attribution,
  type ContributionSource,
  type WithdrawalScope,
} from '../../../shared/domain/contributions';
import { REGION_LABELS, REGIONS } from '../../../shared/domain/countries';
import { citationToken, referenceToken } from '../../../shared/domain/markdownTree';
import {
  COMMENT_CHANNEL_LABELS,
  COMMENT_DISPOSITION_LABELS,
  COMMENT_DISPOSITIONS,
  type CommentChannel,
  type CommentDisposition,
  type SectionKind,
} from '../../../shared/domain/report';
import { sha256, toHex } from '../../../shared/domain/sha256';
import { DIMENSION_LABELS, type Dimension } from '../../../shared/domain/representation';
import { publishList, type FigureCell } from '../../../shared/domain/statistics/release';
import {
  STAKEHOLDER_GROUP_LABELS,
  STAKEHOLDER_GROUPS,
  type StakeholderGroup,
} from '../../../shared/domain/vocabulary';
import type { BackendContext } from '../context';
import { requireForum } from '../forums/service';
import { keyedBy, PERTURBATION_NOTE, PROTECTED_NOTE } from '../privacy/statistics';
import { representationFigures } from '../representation/service';

const utcDay = (ms: number) => new Date(ms).toISOString().slice(0, 10);
/** Table cells: no pipes or line breaks. */
const cell = (s: string) =>
  s
    .replace(/\|/g, '\\|')
    .replace(/\s*\n\s*/g, ' ')
    .trim();
/**
 * A one-way breakdown as a Markdown table with its total: published figures only (perturbed,
 * shared/domain/statistics), the total the sum of the figures shown.
 */
function breakdown(
  title: string,
  heading: string,
  rows: { label: string; value: FigureCell }[],
  total: FigureCell,
  chart: boolean,
): string {
  const lines = [
    chart ? `<!-- chart: ${title} -->` : '',
    `| ${heading} | Count |`,
    '| --- | ---: |',
    ...rows.map((r) => `| ${cell(r.label)} | ${r.value.text} |`),
    `| **Total** | **${total.text}** |`,
  ].filter(Boolean);
  return `**${title}**\n\n${lines.join('\n')}\n`;
}

/** Records (contributions) by a category, perturbed by their record keys; "unknown" always listed. */
function publishedBy<K extends string, T>(
  secret: string,
  keys: readonly K[],
  labels: Record<K, string>,
  records: T[],
  id: (r: T) => string,
  category: (r: T) => string | null,
  unknown: string,
): { rows: { label: string; value: FigureCell }[]; total: FigureCell } {
  const by = keyedBy(secret, records, id, (r) => {
    const v = category(r);
    return v !== null && (keys as readonly string[]).includes(v) ? v : null;
  });
  const cats = [...keys, null];
  const pub = publishList(cats.map((k) => by.get(k) ?? { count: 0, key: 0 }));
  return {
    rows: cats.map((k, i) => ({ label: k === null ? unknown : labels[k], value: pub.cells[i] })),
    total: pub.total,
  };
}

interface UsableContribution {
  id: string;
  title: string;
  summary: string;
  region: string | null;
  country: string | null;
  source: string;
  receivedOn: string;
  contributorGroup: StakeholderGroup | null;
  /** The credit as it is now (for de-duplication); outputs store a reference instead. */
  credit: ReturnType<typeof creditOfContributor>;
  fromParticipant: boolean;
  themes: string[];
}

/** Accepted contributions an output may use (public rules), credited as consent allows. */
function usableContributions(ctx: BackendContext, forumId: string): UsableContribution[] {
  const people = new Map(listParticipantStats(ctx.db, forumId).map((p) => [p.id, p]));
  const accepted = listAllContributions(ctx.db, forumId).filter((c) => c.status === 'accepted');
  const themes = themeNamesOf(
    ctx.db,
    accepted.map((c) => c.id),
  );
  const out: UsableContribution[] = [];
  for (const c of accepted) {
    const use = contributionUse(
      {
        attribution: c.attribution as Attribution,
        mayPublish: c.mayPublish === 1,
        withdrawn: c.consentWithdrawnScope as WithdrawalScope | null,
      },
      'public',
    );
    if (!use.included) continue;
    const p = c.contributorId ? people.get(c.contributorId) : undefined;
    const who: Contributor | null = p
      ? {
          name: p.fullName,
          organisation: p.organisation ?? '',
          isProtected: p.isProtected === 1,
          pseudonym: p.pseudonym,
        }
      : c.contributorName || c.contributorOrganisation
        ? {
            name: c.contributorName,
            organisation: c.contributorOrganisation,
            isProtected: false,
            pseudonym: null,
          }
        : null;
    out.push({
      id: c.id,
      title: c.title,
      summary: c.summary,
      region: c.region,
      country: c.country,
      source: c.source,
      receivedOn: c.receivedOn,
      contributorGroup: (p?.stakeholderGroup as StakeholderGroup | undefined) ?? null,
      credit: creditOfContributor(use.attribution, who, 'public'),
      fromParticipant: Boolean(p),
      themes: themes.get(c.id) ?? [],
    });
  }
  return out;
}

function methodology(ctx: BackendContext, forumId: string): string {
  const calls = listCallsHeld(ctx.db, forumId, ctx.now());
  const sessions = listSessionsForReport(ctx.db, forumId).filter((s) => s.status !== 'cancelled');
  const secret = requireForum(ctx, forumId, 'forumId').secret;
  // One release for the report: the same figures as the public representation export.
  const figures = representationFigures(ctx, forumId, 'public');
  const attendedOf = new Map(figures.trend.map((t) => [t.callId, t.attended]));
  const all = listAllContributions(ctx.db, forumId);
  const usable = usableContributions(ctx, forumId);
  const surveys = all.filter((c) => c.source === 'survey');
  const out: string[] = [];
  const surveysFigure = keyedBy(
    secret,
    surveys,
    (c) => c.id,
    () => 'survey',
  );
  const allFigure = publishList([
    keyedBy(
      secret,
      all,
      (c) => c.id,
      () => 'all',
    ).get('all') ?? { count: 0, key: 0 },
  ]).total;
  const surveyText = publishList([surveysFigure.get('survey') ?? { count: 0, key: 0 }]).total.text;
  const usableText = publishList([
    keyedBy(
      secret,
      usable,
      (c) => c.id,
      () => 'u',
    ).get('u') ?? { count: 0, key: 0 },
  ]).total.text;
  out.push(
    calls.length
      ? `The forum held ${calls.length} virtual call${calls.length === 1 ? '' : 's'} between ${utcDay(calls[0].startAt)} and ${utcDay(calls[calls.length - 1].startAt)} (dates in UTC), and ${sessions.length} onsite session${sessions.length === 1 ? '' : 's'} at NRI events.`
      : `No virtual calls have been held yet; ${sessions.length} onsite session${sessions.length === 1 ? '' : 's'} at NRI events ${sessions.length === 1 ? 'is' : 'are'} on record.`,
  );
  out.push(`### Method for the figures\n\n${PERTURBATION_NOTE} ${PROTECTED_NOTE}`);
  if (calls.length) {
    out.push('### Virtual calls');
    out.push(
      [
        '| Date (UTC) | Call | Attended |',
        '| --- | --- | ---: |',
        ...calls.map(
          (c) =>
            `| ${utcDay(c.startAt)} | ${cell(c.title)} ${citationToken('call', c.id)} | ${attendedOf.get(c.id)?.text ?? '0'} |`,
        ),
      ].join('\n'),
    );
  }
  if (sessions.length) {
    out.push('### Onsite sessions at NRI events');
    out.push(
      [
        '| Date (UTC) | Session | NRI |',
        '| --- | --- | --- |',
        ...sessions.map(
          (s) =>
            `| ${utcDay(s.startAt)} | ${cell(s.title)} ${citationToken('session', s.id)} | ${cell(s.nriName ?? '')} |`,
        ),
      ].join('\n'),
    );
  }
  out.push('### Surveys and contributions');
  out.push(
    `About ${allFigure.text} contributions were received (about ${surveyText} through surveys); about ${usableText} accepted contributions may be published and inform this report.`,
  );
  const sources = [...new Set(all.map((c) => c.source))].sort() as ContributionSource[];
  const bySource = publishedBy(
    secret,
    sources,
    Object.fromEntries(sources.map((k) => [k, CONTRIBUTION_SOURCE_LABELS[k] ?? k])) as Record<
      ContributionSource,
      string
    >,
    all,
    (c) => c.id,
    (c) => c.source,
    'Other channel',
  );
  out.push(
    breakdown('Contributions received by channel', 'Channel', bySource.rows, bySource.total, false),
  );
  out.push('### Who took part');
  const registered = figures.phases.find((p) => p.phase === 'registered')!;
  out.push(`About ${registered.people.text} participants registered with the forum.`);
  const dims: [Dimension, string][] = [
    ['stakeholder_group', 'Participants by stakeholder group'],
    ['region', 'Participants by region'],
    ['development_status', 'Participants by development status'],
    ['gender', 'Participants by gender'],
  ];
  for (const [d, title] of dims) {
    const cats = registered.byDimension[d];
    const total = d === 'stakeholder_group' || d === 'region' ? registered.people : sumOf(cats);
    out.push(
      breakdown(
        title,
        DIMENSION_LABELS[d],
        cats.map((c) => ({ label: c.label, value: c.value })),
        total,
        true,
      ),
    );
  }
  const byGroup = publishedBy(
    secret,
    STAKEHOLDER_GROUPS,
    STAKEHOLDER_GROUP_LABELS,
    usable,
    (c) => c.id,
    (c) => c.contributorGroup,
    'Outside or unknown contributor',
  );
  const byRegion = publishedBy(
    secret,
    REGIONS,
    REGION_LABELS,
    usable,
    (c) => c.id,
    (c) => c.region,
    'No region recorded',
  );
  out.push(
    breakdown(
      'Accepted contributions by stakeholder group',
      'Stakeholder group',
      byGroup.rows,
      byGroup.total,
      true,
    ),
    breakdown('Accepted contributions by region', 'Region', byRegion.rows, byRegion.total, true),
  );
  return out.join('\n\n');
}

const sumOf = (cats: { value: FigureCell }[]): FigureCell => {
  const n = cats.reduce((s, c) => s + (c.value.count ?? 0), 0);
  return { count: n, text: String(n) };
};

function practices(ctx: BackendContext, forumId: string): string {
  const usable = usableContributions(ctx, forumId);
  if (!usable.length) return '_No accepted contributions may be published yet._';
  const byTheme = new Map<string, UsableContribution[]>();
  for (const c of usable)
    for (const t of c.themes.length ? c.themes : ['Other practices'])
      byTheme.set(t, [...(byTheme.get(t) ?? []), c]);
  const themes = [...byTheme.keys()].sort((a, b) =>
    a === 'Other practices' ? 1 : b === 'Other practices' ? -1 : a.localeCompare(b),
  );
  const out: string[] = [
    `${usable.length} accepted contribution${usable.length === 1 ? '' : 's'}, by theme and region. Each is credited as its contributor agreed.`,
  ];
  for (const t of themes) {
    out.push(`### ${t}`);
    const byRegion = new Map<string, UsableContribution[]>();
    for (const c of byTheme.get(t)!) {
      const r = c.region
        ? (REGION_LABELS[c.region as keyof typeof REGION_LABELS] ?? c.region)
        : 'Global or no region';
      byRegion.set(r, [...(byRegion.get(r) ?? []), c]);
    }
    for (const r of [...byRegion.keys()].sort()) {
      out.push(`**${r}**`);
      out.push(
        byRegion
          .get(r)!
          .map((c) => {
            const summary = c.summary.replace(/\s+/g, ' ').trim();
            // Credit and country are resolved when rendered, with the protections of that time.
            return `- **${c.title.replace(/\s+/g, ' ').trim()}**${summary ? `: ${summary}` : ''} (${referenceToken('attribution', c.id)}) ${citationToken('contribution', c.id)}`;
          })
          .join('\n'),
      );
    }
  }
  return out.join('\n\n');
}

function contributors(ctx: BackendContext, forumId: string): string {
  const people = listParticipantStats(ctx.db, forumId);
  const listed = people.filter((p) => p.consentListed === 1 && p.isProtected !== 1);
  // Credits are stored as references (resolved when rendered); de-duplicated by today's text.
  const outside = new Map<string, string>();
  for (const c of usableContributions(ctx, forumId))
    if (c.credit.kind === 'named' || c.credit.kind === 'organisation')
      if (!outside.has(c.credit.text.toLowerCase()))
        outside.set(c.credit.text.toLowerCase(), referenceToken('credit', c.id));
  for (const p of listed) {
    const line = creditLine({
      contributor: { name: p.fullName, organisation: p.organisation },
      attribution: 'named',
      protection: null,
      audience: 'public',
    });
    outside.delete(line.text.toLowerCase());
  }
  const out: string[] = [
    'The forum thanks everyone who took part. Only people who agreed to be listed are named.',
  ];
  if (listed.length) {
    out.push(
      [
        '| Name | Organisation | Stakeholder group |',
        '| --- | --- | --- |',
        ...listed.map(
          (p) =>
            `| ${referenceToken('person', p.id)} | ${referenceToken('organisation', p.id)} | ${STAKEHOLDER_GROUP_LABELS[p.stakeholderGroup as StakeholderGroup] ?? ''} |`,
        ),
      ].join('\n'),
    );
  }
  if (outside.size) {
    out.push('**Contributions were also received from:**');
    out.push(
      [...outside.entries()]
        .sort((a, b) => a[0].localeCompare(b[0]))
        .map(([, token]) => `- ${token}`)
        .join('\n'),
    );
  }
  const others = people.length - listed.length;
  if (others > 0) out.push(`Other participants took part without being listed here.`);
  return out.join('\n\n');
}

function commentsAnalysis(ctx: BackendContext, forumId: string, reportId: string): string {
  const comments = listReportComments(ctx.db, reportId);
  if (!comments.length) return '_No comments have been recorded yet._';
  const rounds = new Map<string, typeof comments>();
  for (const c of comments) rounds.set(c.roundId, [...(rounds.get(c.roundId) ?? []), c]);
  const out: string[] = [
    `${comments.length} comment${comments.length === 1 ? ' was' : 's were'} received over ${rounds.size} comment round${rounds.size === 1 ? '' : 's'}. Each is listed with the rapporteur's response.`,
  ];
  for (const list of rounds.values()) {
    const first = list[0];
    out.push(`### Phase ${first.phase}: ${first.roundTitle}`);
    const counts = COMMENT_DISPOSITIONS.map((d) => ({
      label: COMMENT_DISPOSITION_LABELS[d],
      count: list.filter((c) => c.disposition === d).length,
    })).filter((r) => r.count > 0);
    out.push(
      [
        '| Response | Comments |',
        '| --- | ---: |',
        ...counts.map((r) => `| ${r.label} | ${r.count} |`),
      ].join('\n'),
    );
    out.push(
      [
        '| Ref. | Commenter | Channel | Comment | Response |',
        '| --- | --- | --- | --- | --- |',
        ...list.map((c) => {
          // The commenter (name, group) is resolved when rendered: protection may come later.
          const name = referenceToken('commenter', c.id);
          const answer = COMMENT_DISPOSITION_LABELS[c.disposition as CommentDisposition];
          return `| ${cell(c.ref || 'General')} | ${name} | ${COMMENT_CHANNEL_LABELS[c.channel as CommentChannel] ?? ''} | ${cell(c.text)} | ${cell(c.response ? `${answer}: ${c.response}` : answer)} |`;
        }),
      ].join('\n'),
    );
  }
  return out.join('\n\n');
}

/**
 * The fingerprint of everything generated sections are made from (issue 15): compared with the
 * one stored at generation, it tells whether a section may be out of date without regenerating
 * it (which reads every participant). It changes on any write to the forum's data, so "stale"
 * means "the inputs changed since it was generated"; regenerating is on demand.
 */
export function inputsFingerprint(ctx: BackendContext, forumId: string): string {
  return toHex(
    sha256(JSON.stringify([GENERATOR_VERSION, forumInputs(ctx.db, forumId, ctx.now())])),
  );
}

/** Bump when the generated text changes for the same data (sections then show as stale). */
const GENERATOR_VERSION = 1;

/** Generated texts by report, kind and inputs' fingerprint (per connection; a few only). */
const generatedCache = new WeakMap<
  BackendContext,
  Map<string, { markdown: string; fingerprint: string; inputFingerprint: string }>
>();
const MAX_CACHED_SECTIONS = 32;

/**
 * `generateSection`, remembered while the inputs' fingerprint stays the same: the same inputs give
 * the same text (the fingerprint covers every table the generators read, and the calls and sessions
 * held by now), so a reader asking again (the public report, the out-of-date check of a section
 * generated before fingerprints were kept) does not read every participant again.
 */
export function generatedSectionNow(
  ctx: BackendContext,
  forumId: string,
  reportId: string,
  kind: SectionKind,
  inputs: string = inputsFingerprint(ctx, forumId),
): { markdown: string; fingerprint: string; inputFingerprint: string } {
  let perCtx = generatedCache.get(ctx);
  if (!perCtx) generatedCache.set(ctx, (perCtx = new Map()));
  const key = `${forumId}|${reportId}|${kind}|${inputs}`;
  const hit = perCtx.get(key);
  if (hit) return hit;
  const fresh = generateSection(ctx, forumId, reportId, kind);
  // A write between taking the fingerprint and generating cannot happen inside one call; keep the
  // entry under the fingerprint it was generated for.
  if (fresh.inputFingerprint !== inputs) return fresh;
  if (perCtx.size >= MAX_CACHED_SECTIONS) perCtx.delete(perCtx.keys().next().value!);
  perCtx.set(key, fresh);
  return fresh;
}

/** The text of a generated section now, and its fingerprint. */
export function generateSection(
  ctx: BackendContext,
  forumId: string,
  reportId: string,
  kind: SectionKind,
): { markdown: string; fingerprint: string; inputFingerprint: string } {
  // Taken before generating: a write in between (there is none inside one call) would show stale.
  const inputFingerprint = inputsFingerprint(ctx, forumId);
  const markdown =
    kind === 'methodology'
      ? methodology(ctx, forumId)
      : kind === 'practices'
        ? practices(ctx, forumId)
        : kind === 'contributors'
          ? contributors(ctx, forumId)
          : kind === 'comments'
            ? commentsAnalysis(ctx, forumId, reportId)
            : '';
  return { markdown, fingerprint: toHex(sha256(markdown)), inputFingerprint };
}
