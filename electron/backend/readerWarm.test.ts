// A reader builds the redactors of the forums changed last before it takes calls, so its first
// public answer does not pay for them; later answers reuse them until protection changes.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';

const built = vi.hoisted(() => ({ count: 0 }));
vi.mock('../../shared/domain/redaction', async (importOriginal) => {
  const original = await importOriginal<typeof import('../../shared/domain/redaction')>();
  return {
    ...original,
    buildRedactor: (...args: Parameters<typeof original.buildRedactor>) => {
      built.count++;
      return original.buildRedactor(...args);
    },
  };
});

const { createBackend, createReadOnlyBackend } = await import('./backend');

const dir = mkdtempSync(join(tmpdir(), 'intersession-warm-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('a reader backend', () => {
  it('builds the redactors at warm-up, once, and answers public reads without rebuilding them', async () => {
    const file = join(dir, 'warm.db');
    const writer = createBackend({ dbFile: file, shell: 'test' });
    const call = async <T>(method: string, input: unknown): Promise<T> => {
      const r = await writer.dispatch(method, input);
      if (!r.ok) throw new Error(`${method}: ${r.error.message}`);
      return r.value as T;
    };
    const forums: string[] = [];
    for (const title of ['BPF Gender', 'BPF Cybersecurity']) {
      const forum = await call<{ id: string }>('forums.create', { title, year: 2026 });
      const p = await call<{ id: string }>('participants.create', {
        forumId: forum.id,
        fullName: 'Siobhán O’Sullivan',
        stakeholderGroup: 'civil_society',
        consentListed: true,
      });
      await call('participants.protect', { id: p.id, reason: 'targeted' });
      forums.push(forum.id);
    }
    const reader = createReadOnlyBackend({ dbFile: file, shell: 'test' });
    try {
      built.count = 0;
      reader.warm();
      expect(built.count).toBe(2);
      for (const forumId of forums) {
        const { result } = await reader.dispatch(
          'participants.list',
          { forumId, search: 'Participant', offset: 0, limit: 10 },
          { audience: 'public' },
        );
        expect(result.ok).toBe(true);
      }
      expect(built.count).toBe(2);
      // A protection change (made by the writer) is seen: that forum's redactor is built again.
      const [first] = forums;
      await call('participants.create', {
        forumId: first,
        fullName: 'Nguyễn Văn Hòa',
        stakeholderGroup: 'academia',
      }).then((p) => call('participants.protect', { id: (p as { id: string }).id, reason: 'x' }));
      await reader.dispatch(
        'participants.list',
        { forumId: first, offset: 0, limit: 10 },
        {
          audience: 'public',
        },
      );
      expect(built.count).toBe(3);
    } finally {
      reader.close();
      writer.close();
    }
  });
});
