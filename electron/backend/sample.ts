import { setAttendance } from '../../db/queries/calls';
import { insertParticipant } from '../../db/queries/participants';
import activity from '../../resources/sample-activity.json';
import sample from '../../resources/sample-forum.json';
import type { Forum } from '../../shared/api';
import { newId } from '../../shared/domain/ids';
import { callsSchemas } from '../../shared/schemas/calls';
import { contributionsSchemas } from '../../shared/schemas/contributions';
import { forumsSchemas } from '../../shared/schemas/forums';
import { nrisSchemas } from '../../shared/schemas/nris';
import { participantInput } from '../../shared/schemas/participants';
import { createSeries, updateCall } from './calls/service';
import type { BackendContext } from './context';
import { createContribution, createTheme, setContributionStatus } from './contributions/service';
import { listNriDirectory } from './nris/service';
import { createSession, recordSessionAttendance } from './nris/sessions';
import { toRecord } from './participants/service';
import { createForum, getForumDetails } from './forums/service';

export const SAMPLE_FORUM_TITLE = 'BPF Gender and Access (sample)';

/** Deterministic pseudo-random numbers (mulberry32), so the sample is the same every time. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * How likely each kind of member is to attend a call. The private sector attends most: the sample
 * carries the imbalance a coordinator should notice (DOMAIN.md: "conspicuous dominance").
 */
const ATTENDANCE_RATE: Record<string, number> = {
  private_sector: 0.8,
  civil_society: 0.4,
  government: 0.3,
  technical_community: 0.45,
  academia: 0.4,
  intergovernmental: 0.2,
  individual_other: 0.25,
};

/**
 * Loads the fictional sample forum in one transaction: participants (resources/sample-forum.json),
 * and a year of activity (resources/sample-activity.json): a fortnightly call series with
 * attendance and minutes for the calls already held, three NRI sessions, themes and contributions.
 */
export function loadSampleForum(ctx: BackendContext): Forum {
  const forumFields = forumsSchemas['forums.create'].parse(sample.forum);
  const people = sample.participants.map((p) => participantInput.parse(p));
  return ctx.db.transaction(() => {
    const forum = createForum(ctx, forumFields);
    const byEmail = new Map<string, { id: string; group: string; role: string }>();
    const members: { id: string; group: string; role: string }[] = [];
    for (const fields of people) {
      const now = ctx.now();
      const record = toRecord(fields, {
        id: newId(now),
        forumId: forum.id,
        createdAt: now,
        updatedAt: now,
      });
      insertParticipant(ctx.db, record);
      const member = { id: record.id, group: record.stakeholderGroup, role: record.role };
      members.push(member);
      if (record.email) byEmail.set(record.email, member);
    }
    loadActivity(ctx, forum.id, members, byEmail);
    return getForumDetails(ctx, forum.id);
  })();
}

function loadActivity(
  ctx: BackendContext,
  forumId: string,
  members: { id: string; group: string; role: string }[],
  byEmail: Map<string, { id: string }>,
): void {
  const rand = random(2015);
  const series = createSeries(
    ctx,
    callsSchemas['callSeries.create'].parse({ forumId, ...activity.series }),
  );
  const held = series.calls.filter((c) => c.startAt < ctx.now());
  held.forEach((call, i) => {
    if (activity.minutes[i])
      updateCall(
        ctx,
        callsSchemas['calls.update'].parse({ id: call.id, minutes: activity.minutes[i] }),
      );
    for (const m of members) {
      if (m.role === 'observer') continue;
      const rate =
        m.role === 'coordinator' || m.role === 'rapporteur' ? 0.95 : ATTENDANCE_RATE[m.group];
      const r = rand();
      const status = r < rate ? 'attended' : r < rate + 0.1 ? 'apologies' : 'absent';
      setAttendance(ctx.db, call.id, m.id, status);
    }
  });

  const nris = listNriDirectory(ctx);
  const sessions = activity.sessions.map(({ nri, ...fields }) => {
    const nriId = nris.find((n) => n.name.includes(nri))?.id ?? null;
    const session = createSession(
      ctx,
      nrisSchemas['sessions.create'].parse({ forumId, nriId, ...fields }),
    );
    for (const m of members)
      if (rand() < 0.15)
        recordSessionAttendance(
          ctx,
          nrisSchemas['sessions.setAttendance'].parse({
            sessionId: session.id,
            participantId: m.id,
            status: 'attended',
          }),
        );
    return session;
  });

  const themes = new Map(activity.themes.map((name) => [name, createTheme(ctx, forumId, name).id]));
  for (const c of activity.contributions) {
    const contributor = byEmail.get(c.contributor);
    const created = createContribution(
      ctx,
      contributionsSchemas['contributions.create'].parse({
        forumId,
        title: c.title,
        summary: c.summary,
        body: c.body,
        kind: c.kind,
        country: c.country,
        themeIds: c.themes.map((t) => themes.get(t)),
        source: c.source,
        sourceCallId: c.callIndex !== undefined ? (held[c.callIndex]?.id ?? null) : null,
        sourceSessionId: c.sessionIndex !== undefined ? sessions[c.sessionIndex].id : null,
        contributorId: contributor?.id ?? null,
        receivedOn: '2026-06-15',
        attribution: c.attribution,
        mayPublish: true,
        consentGivenOn: '2026-06-15',
        consentMethod: 'email',
      }),
    );
    if (c.status !== 'submitted')
      setContributionStatus(
        ctx,
        contributionsSchemas['contributions.setStatus'].parse({ id: created.id, status: c.status }),
      );
  }
}
