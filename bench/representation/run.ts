/**
 * Representation benchmark (`npm run bench -- representation`).
 *
 * A forum of N participants (default 100,000) with CALLS held calls and A attendance records
 * (default 40 calls, 1,000,000 records), plus NRI sessions and contributions, bulk-inserted with
 * prepared statements in one transaction. Then, in the same run and on the same connection:
 *
 * - `backend.dispatch('representation.dashboard', ...)`: validation, handler, every GROUP BY,
 *   roll-ups, suppression (public) or alerts with their people and suggestions (coordinators),
 *   plan versus actual with the suggested stakeholder map, DTO mapping;
 * - the raw GROUP BY SQL: the same aggregate statements (db/queries/representation
 *   `REPRESENTATION_SQL`, the contributions and kick-off ones) run with prepared statements.
 *
 * Target: the dashboard (public and coordinators) within 1.5x of the raw GROUP BY SQL (median).
 * Environment: BENCH_PARTICIPANTS, BENCH_ATTENDANCE, BENCH_CALLS, BENCH_RUNS (default 7),
 * BENCH_KEEP=1 keeps the database.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { REPRESENTATION_SQL } from '../../db/queries/representation';
import { createBackend } from '../../electron/backend/backend';
import { COUNTRIES } from '../../shared/domain/countries';
import { suggestedStakeholderMap } from '../../shared/domain/stakeholderMap';
import { GENDERS, STAKEHOLDER_GROUPS } from '../../shared/domain/vocabulary';

const N = Number(process.env.BENCH_PARTICIPANTS ?? 100_000);
const A = Number(process.env.BENCH_ATTENDANCE ?? 1_000_000);
const CALLS = Number(process.env.BENCH_CALLS ?? 40);
const RUNS = Number(process.env.BENCH_RUNS ?? 7);
const TARGET = 1.5;

function rng(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

const uuid = (prefix: number, i: number) =>
  `${prefix.toString(16).padStart(8, '0')}-${(i >>> 16).toString(16).padStart(4, '0')}-7${(i & 0xfff).toString(16).padStart(3, '0')}-8000-${i.toString(16).padStart(12, '0')}`;

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const ms = (x: number) => x.toFixed(1);

async function main() {
  const dir = mkdtempSync(join(tmpdir(), 'intersession-bench-representation-'));
  const now = Date.UTC(2026, 10, 1);
  const backend = createBackend({ dbFile: join(dir, 'bench.db'), shell: 'test', now: () => now });
  try {
    const created = await backend.dispatch('forums.create', { title: 'BPF Bench', year: 2026 });
    if (!created.ok) throw new Error(created.error.message);
    const forumId = (created.value as { id: string }).id;
    const db = backend.db;
    const r = rng(42);
    const pick = <T>(xs: readonly T[]) => xs[Math.floor(r() * xs.length)];
    // A skewed mix: the private sector is almost half of the members (a dominance alert).
    const groups = [...STAKEHOLDER_GROUPS, ...Array<string>(4).fill('private_sector')];
    const countries = COUNTRIES.filter((c) => c.region);

    console.log(`Generating ${N} participants, ${CALLS} calls, ${A} attendance records...`);
    let t0 = performance.now();
    const insertP = db.prepare(
      `INSERT INTO participants (id, forum_id, full_name, stakeholder_group, country, region,
         development_status, gender, search_text, sort_name, consent_invitations, is_protected,
         created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    const insertC = db.prepare(
      `INSERT INTO calls (id, forum_id, start_at, duration_minutes, zone, title, status, created_at, updated_at)
       VALUES (?, ?, ?, 60, 'UTC', ?, ?, ?, ?)`,
    );
    const insertA = db.prepare(
      'INSERT INTO attendance (call_id, participant_id, status) VALUES (?, ?, ?)',
    );
    const insertS = db.prepare(
      `INSERT INTO onsite_sessions (id, forum_id, title, start_at, duration_minutes, zone, format, status, created_at, updated_at)
       VALUES (?, ?, ?, ?, 90, 'UTC', 'workshop', 'held', ?, ?)`,
    );
    const insertSA = db.prepare(
      'INSERT INTO session_attendance (session_id, participant_id, status) VALUES (?, ?, ?)',
    );
    const insertK = db.prepare(
      `INSERT INTO contributions (id, forum_id, title, kind, source, contributor_id, received_on, status, may_publish, created_at, updated_at)
       VALUES (?, ?, ?, 'practice', 'call', ?, '2026-03-01', 'accepted', 1, ?, ?)`,
    );
    const ids: string[] = [];
    db.transaction(() => {
      for (let i = 0; i < N; i++) {
        const id = uuid(0x10000000, i);
        ids.push(id);
        const c = pick(countries);
        const name = `Member ${i}`;
        insertP.run(
          id,
          forumId,
          name,
          pick(groups),
          c.code,
          c.region,
          c.ldc ? 'ldc' : c.developed ? 'developed' : 'developing',
          r() < 0.1 ? null : pick(GENDERS),
          name.toLowerCase(),
          name.toLowerCase(),
          r() < 0.8 ? 1 : 0,
          r() < 0.005 ? 1 : 0,
          now,
          now,
        );
      }
      const perCall = Math.ceil(A / CALLS);
      for (let k = 0; k < CALLS; k++) {
        const callId = uuid(0x20000000, k);
        insertC.run(
          callId,
          forumId,
          Date.UTC(2026, 0, 15) + k * 7 * 86_400_000,
          `Call ${k + 1}`,
          k === 3 ? 'cancelled' : 'scheduled',
          now,
          now,
        );
        const start = Math.floor(r() * N);
        const step = Math.max(1, Math.floor(N / perCall));
        for (let j = 0; j < perCall && j < N; j++)
          insertA.run(callId, ids[(start + j * step) % N], r() < 0.8 ? 'attended' : 'apologies');
      }
      for (let s = 0; s < 10; s++) {
        const sid = uuid(0x30000000, s);
        insertS.run(sid, forumId, `Session ${s}`, Date.UTC(2026, 4, 1) + s * 86_400_000, now, now);
        for (let j = 0; j < 500; j++) insertSA.run(sid, ids[(s * 7919 + j * 97) % N], 'attended');
      }
      for (let k = 0; k < 5000; k++)
        insertK.run(
          uuid(0x40000000, k),
          forumId,
          `Practice ${k}`,
          ids[Math.floor(r() * N)],
          now,
          now,
        );
    })();
    // No ANALYZE: the app runs none, so the bench measures the database as the app has it.
    console.log(`  inserted in ${ms((performance.now() - t0) / 1000)} s`);
    const saved = await backend.dispatch('representation.saveMap', {
      forumId,
      cells: suggestedStakeholderMap(),
    });
    if (!saved.ok) throw new Error(saved.error.message);

    const secret = db
      .prepare('SELECT secret FROM forums WHERE id = ?')
      .pluck()
      .get(forumId) as string;
    // The aggregates sum record keys (cell-key perturbation): the raw statements do too.
    const params = { forumId, now, secret };
    const kickOff = db
      .prepare(
        "SELECT id FROM calls WHERE forum_id = ? AND status <> 'cancelled' ORDER BY start_at LIMIT 1",
      )
      .pluck()
      .get(forumId) as string;
    const statements = [
      [db.prepare(REPRESENTATION_SQL.registered), { forumId, secret }],
      [db.prepare(REPRESENTATION_SQL.heldCalls), params],
      [db.prepare(REPRESENTATION_SQL.callPeople), params],
      [db.prepare(REPRESENTATION_SQL.callAttendance), params],
      [db.prepare(REPRESENTATION_SQL.oneCallPeople), { forumId, secret, callId: kickOff }],
      [db.prepare(REPRESENTATION_SQL.heldSessions), params],
      [db.prepare(REPRESENTATION_SQL.sessionPeople), params],
      [db.prepare(REPRESENTATION_SQL.sessionAttendance), params],
      [
        db.prepare(
          `SELECT p.stakeholder_group, p.region, p.development_status, p.gender, p.is_protected, count(*),
             sum(record_key(@secret, p.id))
           FROM participants p WHERE p.forum_id = @forumId AND p.removed_at IS NULL AND EXISTS (
             SELECT 1 FROM contributions c WHERE c.contributor_id = p.id AND c.forum_id = @forumId
               AND c.status = 'accepted' AND coalesce(c.consent_withdrawn_scope, '') <> 'publication')
           GROUP BY 1, 2, 3, 4, 5`,
        ),
        { forumId, secret },
      ],
      [
        db.prepare(
          `SELECT p.stakeholder_group, count(*), sum(record_key(@secret, c.id)) FROM contributions c
           LEFT JOIN participants p ON p.id = c.contributor_id AND p.removed_at IS NULL
           WHERE c.forum_id = @forumId AND c.status = 'accepted'
             AND coalesce(c.consent_withdrawn_scope, '') <> 'publication' GROUP BY 1`,
        ),
        { forumId, secret },
      ],
    ] as const;
    const runRaw = () => {
      for (const [s, p] of statements) s.all(p);
    };
    const runDispatch = async (audience: string) => {
      const res = await backend.dispatch('representation.dashboard', { forumId, audience });
      if (!res.ok) throw new Error(res.error.message);
      return res.value as { alerts: unknown[] };
    };

    // Warm up every path once.
    runRaw();
    const warm = await runDispatch('coordinators');
    await runDispatch('public');
    const times = { raw: [] as number[], public: [] as number[], coordinators: [] as number[] };
    for (let i = 0; i < RUNS; i++) {
      for (const which of ['raw', 'public', 'coordinators'] as const) {
        t0 = performance.now();
        if (which === 'raw') runRaw();
        else await runDispatch(which);
        times[which].push(performance.now() - t0);
      }
    }
    const rawMs = median(times.raw);
    const names = Object.keys(REPRESENTATION_SQL).concat([
      'contributorPeople',
      'contributionsByGroup',
    ]);
    const order = [0, 3, 1, 2, 4, 7, 5, 6, 8, 9];
    statements.forEach(([st, p], i) => {
      const t = performance.now();
      st.all(p);
      console.log(
        `    ${(names[order[i]] ?? String(i)).padEnd(22)} ${ms(performance.now() - t)} ms`,
      );
    });
    console.log(
      `\nDashboard aggregates over ${N} participants and ${A} attendance records (${RUNS} runs, median)`,
    );
    console.log(`  raw GROUP BY SQL (same statements)          ${ms(rawMs)} ms`);
    let ok = true;
    for (const which of ['public', 'coordinators'] as const) {
      const t = median(times[which]);
      const ratio = t / rawMs;
      const pass = ratio <= TARGET;
      ok &&= pass;
      console.log(
        `  dispatch representation.dashboard (${which.padEnd(12)}) ${ms(t)} ms  ${ratio.toFixed(2)}x`,
      );
      console.log(
        `${pass ? 'PASS' : 'FAIL'} dashboard for ${which}: ${ratio.toFixed(2)}x raw GROUP BY (target <= ${TARGET}x)`,
      );
    }
    console.log(`  (${warm.alerts.length} alerts for coordinators, with people and suggestions)`);
    if (!ok) process.exitCode = 1;
  } finally {
    backend.close();
    if (!process.env.BENCH_KEEP) rmSync(dir, { recursive: true, force: true });
  }
}

await main();
