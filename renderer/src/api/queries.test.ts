import { QueryClient } from '@tanstack/react-query';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { methodDeclarations } from '../../../shared/methods';
import type { MethodName } from '../../../shared/schemas';
import { createClient } from './client';
import { apiKey, areaOf, invalidatingClient, staleAreasAfter, UI_AREAS } from './queries';

const methods = Object.keys(methodDeclarations) as MethodName[];

describe('query keys', () => {
  it('put the audience first, so the public preview never shares the coordinators’ cache', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...methods),
        fc.dictionary(fc.string(), fc.string()),
        (m, input) => {
          const a = apiKey('coordinators', m, input as never);
          const b = apiKey('public', m, input as never);
          expect(a).not.toEqual(b);
          expect(a.slice(2)).toEqual(b.slice(2));
        },
      ),
    );
  });

  it('group every method of the contract under a UI area', () => {
    for (const m of methods) expect(UI_AREAS).toContain(areaOf(m));
    expect(areaOf('participants.list')).toBe('participants');
    expect(areaOf('sessions.get')).toBe('nris');
    expect(areaOf('actors.list')).toBe('safeguards');
  });
});

describe('staleAreasAfter', () => {
  it('always includes the writer’s own area and the audit log', () => {
    for (const m of methods.filter((x) => methodDeclarations[x].writes)) {
      const stale = staleAreasAfter(m);
      expect(stale).toContain('safeguards');
      if (!['participants.get', 'exports.render', 'exports.printable'].includes(m))
        expect(stale).toContain(areaOf(m));
    }
  });

  it('makes every area stale when a participant is protected (redaction changes everywhere)', () => {
    expect(new Set(staleAreasAfter('participants.protect'))).toEqual(new Set(UI_AREAS));
  });

  it('leaves the participant list alone after a reveal (which only writes the audit log)', () => {
    expect(staleAreasAfter('participants.get')).toEqual(['safeguards']);
  });
});

describe('invalidatingClient', () => {
  it('invalidates the written area after a successful write, and nothing after a read or a failure', async () => {
    const queryClient = new QueryClient();
    const key = apiKey('coordinators', 'participants.list', { forumId: 'f' });
    const other = apiKey('coordinators', 'report.list', { forumId: 'f' });
    const reset = () => {
      queryClient.setQueryData(key, { rows: [], total: 0 });
      queryClient.setQueryData(other, []);
    };
    let fail = false;
    const client = invalidatingClient(
      createClient(async () =>
        fail
          ? {
              ok: false as const,
              error: { code: 'validation' as const, message: 'Full name is required.' },
            }
          : { ok: true as const, value: {} },
      ),
      queryClient,
    );
    const stale = (k: readonly unknown[]) => queryClient.getQueryState(k)?.isInvalidated;

    reset();
    await client.call('participants.list', { forumId: 'f' });
    expect(stale(key)).toBe(false);

    fail = true;
    await client.call('participants.create', { forumId: 'f', fullName: '' } as never);
    expect(stale(key)).toBe(false);

    fail = false;
    await client.call('participants.create', { forumId: 'f', fullName: 'A' } as never);
    await expect.poll(() => stale(key)).toBe(true);
    // The report reads participants (contributors, generated sections): stale too.
    expect(stale(other)).toBe(true);
  });

  it('passes the call options (a cancel signal) through to the transport', async () => {
    const signals: (AbortSignal | undefined)[] = [];
    const client = invalidatingClient(
      createClient(async (_method, _input, signal) => {
        signals.push(signal);
        return { ok: true as const, value: {} };
      }),
      new QueryClient(),
    );
    const controller = new AbortController();
    await client.call('forums.list', {}, { signal: controller.signal });
    await client.call('forums.list', {});
    expect(signals).toEqual([controller.signal, undefined]);
  });
});
