import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type {
  ExportFile,
  Participant,
  Page,
  ParticipantRow,
  AuditEntry,
} from '../../../shared/api';
import type { RpcResult } from '../../../shared/result';
import { createBackend, type Backend } from '../backend';
import type { Session } from '../../../shared/methods';

/** A public reader's session (the audience belongs to the session, not to the input). */
const PUBLIC: Session = { audience: 'public' };

let backend: Backend;
let forumId: string;

async function call<T>(method: string, input: unknown, session?: Session): Promise<T> {
  const r = (await backend.dispatch(method, input, session)) as RpcResult<T>;
  if (!r.ok) throw new Error(`${method}: ${r.error.message}`);
  return r.value;
}

const decode = (f: ExportFile) => Buffer.from(f.base64, 'base64').toString('utf8');

async function addPerson(fields: Record<string, unknown>): Promise<Participant> {
  return call<Participant>('participants.create', {
    forumId,
    // Listed in the public directory (the public sees only people who consented).
    consentListed: true,
    stakeholderGroup: 'civil_society',
    ...fields,
  });
}

beforeEach(async () => {
  backend = createBackend({ dbFile: ':memory:', shell: 'test' });
  forumId = (await call<{ id: string }>('forums.create', { title: 'BPF Test', year: 2026 })).id;
});
afterEach(() => backend.close());

describe('protecting a participant', () => {
  it('gives a stable pseudonym, records the reason, and hides them from the public view', async () => {
    const amira = await addPerson({
      fullName: 'Amira Haddad',
      email: 'amira.haddad@example.org',
      organisation: 'Digital Rights Collective',
      country: 'LB',
      handles: ['@amira_h'],
    });
    await addPerson({ fullName: 'Bruno Costa', organisation: 'Amira Haddad Foundation' });

    const protectedP = await call<Participant>('participants.protect', {
      id: amira.id,
      reason: 'Threatened on the mailing list',
    });
    expect(protectedP.isProtected).toBe(true);
    expect(protectedP.pseudonym).toMatch(/^Participant [A-Z2-9]{2,}$/);

    const pub = await call<Page<ParticipantRow>>('participants.list', { forumId }, PUBLIC);
    const names = pub.rows.map((r) => r.fullName);
    expect(names).toContain(protectedP.pseudonym);
    expect(names).not.toContain('Amira Haddad');
    // The other person's organisation mentions her: redacted too.
    const bruno = pub.rows.find((r) => r.fullName === 'Bruno Costa');
    expect(bruno?.organisation).toBe(`${protectedP.pseudonym} Foundation`);

    // Searching by her real name in the public view must not find her.
    const found = await call<Page<ParticipantRow>>(
      'participants.list',
      { forumId, search: 'haddad' },
      PUBLIC,
    );
    expect(found.rows.map((r) => r.id)).not.toContain(amira.id);

    const page = await call<Participant>('participants.get', { id: amira.id }, PUBLIC);
    expect(page.fullName).toBe(protectedP.pseudonym);
    expect([page.email, page.organisation, page.country, page.timeZone]).toEqual([
      null,
      null,
      null,
      null,
    ]);
    expect(page.handles).toEqual([]);
    expect(page.region).toBe('asia');

    // Coordinators see the real details, and that reveal is logged.
    const coord = await call<Participant>('participants.get', { id: amira.id });
    expect(coord.fullName).toBe('Amira Haddad');
    const audit = await call<Page<AuditEntry>>('audit.list', { forumId });
    const actions = audit.rows.map((r) => r.action);
    expect(actions).toContain('participant.protect');
    expect(actions).toContain('participant.reveal');
    expect(audit.rows.find((r) => r.action === 'participant.protect')?.detail.reason).toBe(
      'Threatened on the mailing list',
    );
  });

  it('keeps the same pseudonym when protection is lifted and given again', async () => {
    const p = await addPerson({ fullName: 'Kwame Mensah' });
    const first = await call<Participant>('participants.protect', { id: p.id, reason: 'asked' });
    const lifted = await call<Participant>('participants.unprotect', { id: p.id, reason: 'safe' });
    expect(lifted.isProtected).toBe(false);
    const again = await call<Participant>('participants.protect', { id: p.id, reason: 'again' });
    expect(again.pseudonym).toBe(first.pseudonym);
    const audit = await call<Page<AuditEntry>>('audit.list', {
      forumId,
      action: 'participant.unprotect',
    });
    expect(audit.rows[0].detail.reason).toBe('safe');
  });

  it('refuses a protection without a reason, naming the field', async () => {
    const p = await addPerson({ fullName: 'Lea Novak' });
    const r = await backend.dispatch('participants.protect', { id: p.id, reason: '   ' });
    expect(r).toMatchObject({ ok: false, error: { code: 'validation', field: 'reason' } });
    const after = await call<Participant>('participants.get', { id: p.id });
    expect(after.isProtected).toBe(false);
  });
});

describe('exports through the publication path', () => {
  it('a public CSV has neither the name nor the e-mail of a protected person, and is audited', async () => {
    const p = await addPerson({
      fullName: 'José Muñoz',
      email: 'jose.munoz@example.org',
      organisation: 'Red Comunitaria',
      country: 'CL',
    });
    await addPerson({ fullName: 'Ana Lima', email: 'ana@example.org', organisation: 'Conecta' });
    const { pseudonym } = await call<Participant>('participants.protect', {
      id: p.id,
      reason: 'x',
    });

    const req = { forumId, kind: 'participant-directory', format: 'csv', audience: 'public' };
    const preview = await call<ExportFile>('exports.preview', req);
    expect(preview.pseudonyms).toEqual([pseudonym]);
    expect(preview.redactionCount).toBeGreaterThanOrEqual(3);

    const file = await call<ExportFile>('exports.render', req);
    const csv = decode(file);
    expect(csv.startsWith('\uFEFF')).toBe(true);
    expect(csv).toContain(pseudonym!);
    expect(csv).toContain('Ana Lima');
    expect(csv.toLowerCase()).not.toContain('muñoz');
    expect(csv.toLowerCase()).not.toContain('munoz');
    expect(csv).not.toContain('jose.munoz@example.org');
    expect(csv).not.toContain('Red Comunitaria');
    expect(csv).not.toContain('ana@example.org'); // no e-mails at all for the public

    const coordinators = decode(
      await call<ExportFile>('exports.render', { ...req, audience: 'coordinators' }),
    );
    expect(coordinators).toContain('José Muñoz');

    const audit = await call<Page<AuditEntry>>('audit.list', { forumId, action: 'export' });
    expect(audit.total).toBe(2);
    expect(audit.rows[1].detail).toMatchObject({
      audience: 'public',
      format: 'csv',
      items: 2,
      pseudonyms: 1,
    });
  });

  it('renders Markdown and self-contained HTML that escape what they show', async () => {
    await addPerson({ fullName: 'Eve <script>alert(1)</script>', organisation: 'A | B' });
    const html = decode(
      await call<ExportFile>('exports.render', {
        forumId,
        kind: 'participant-directory',
        format: 'html',
        audience: 'public',
      }),
    );
    expect(html).not.toContain('<script>');
    expect(html).toMatch(/&lt;script&gt;|&#x3C;script>/); // shown as text, escaped
    expect(html).not.toMatch(/<(link|img|script)\b/);
    const md = decode(
      await call<ExportFile>('exports.render', {
        forumId,
        kind: 'participant-directory',
        format: 'md',
        audience: 'public',
      }),
    );
    expect(md).toContain('A \\| B');
  });

  it('incident reports are for coordinators only', async () => {
    const r = await backend.dispatch('exports.render', {
      forumId,
      kind: 'incident-report',
      format: 'md',
      audience: 'public',
    });
    expect(r).toMatchObject({ ok: false, error: { code: 'validation', field: 'audience' } });
    const audit = await call<Page<AuditEntry>>('audit.list', { forumId, action: 'export' });
    expect(audit.total).toBe(0);
  });
});

describe('incidents and disruptive actors', () => {
  it('logging an incident can protect the targeted participants in the same step', async () => {
    const a = await addPerson({ fullName: 'Mariam Diallo' });
    const b = await addPerson({ fullName: 'Sofia Rossi' });
    const created = await call<{
      incident: { id: string; actors: { excluded: boolean }[] };
      protectedIds: string[];
    }>('incidents.create', {
      forumId,
      occurredAt: Date.UTC(2026, 4, 12, 14, 0),
      channel: 'call',
      severity: 'high',
      description: 'An attendee posted threats in the chat and named two participants.',
      targetIds: [a.id, b.id],
      newActors: [{ name: 'Troll Account', emails: ['troll@example.net'], handles: ['@troll'] }],
      actions: ['removed_from_call', 'excluded_from_forum'],
      protectTargets: true,
    });
    expect(created.protectedIds.sort()).toEqual([a.id, b.id].sort());
    expect(created.incident.actors[0].excluded).toBe(true);
    expect((await call<Participant>('participants.get', { id: a.id }, PUBLIC)).fullName).toMatch(
      /^Participant /,
    );

    // The excluded actor's e-mail is flagged when someone tries to register with it.
    const flagged = await backend.dispatch('participants.create', {
      forumId,
      // Listed in the public directory (the public sees only people who consented).
      consentListed: true,
      fullName: 'New Person',
      email: 'TROLL@example.net',
      stakeholderGroup: 'individual_other',
    });
    expect(flagged).toMatchObject({ ok: false, error: { code: 'flagged', field: 'email' } });
    const handle = await backend.dispatch('participants.create', {
      forumId,
      // Listed in the public directory (the public sees only people who consented).
      consentListed: true,
      fullName: 'Other Person',
      handles: ['troll'],
      stakeholderGroup: 'individual_other',
    });
    expect(handle).toMatchObject({ ok: false, error: { code: 'flagged', field: 'handles' } });
    const list = await call<Page<ParticipantRow>>('participants.list', { forumId });
    expect(list.total).toBe(2);

    const saved = await backend.dispatch('participants.create', {
      forumId,
      // Listed in the public directory (the public sees only people who consented).
      consentListed: true,
      fullName: 'New Person',
      email: 'troll@example.net',
      stakeholderGroup: 'individual_other',
      acknowledgeActorMatch: true,
    });
    expect(saved.ok).toBe(true);
    const audit = await call<Page<AuditEntry>>('audit.list', {
      forumId,
      action: 'participant.actor_match_acknowledged',
    });
    expect(audit.total).toBe(1);
  });

  it('actors.check reports which identifier matched', async () => {
    await call('actors.create', {
      forumId,
      name: 'Pat Disruptor',
      names: ['P. Disruptor'],
      emails: ['pat@example.net'],
      handles: ['@patd'],
      excluded: true,
    });
    const matches = await call<{ field: string; excluded: boolean }[]>('actors.check', {
      forumId,
      fullName: 'pat disruptor',
      handles: ['PATD'],
    });
    expect(matches.map((m) => m.field).sort()).toEqual(['fullName', 'handles']);
    expect(matches.every((m) => m.excluded)).toBe(true);
  });
});
