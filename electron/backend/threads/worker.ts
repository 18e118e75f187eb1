// A backend worker: the writer (the one write connection: writes, transactions, import jobs,
// and the audit records readers collect) or a reader (a read-only connection, one call at a
// time). The pool in pool.ts starts them; workerEntry.ts is the file node:worker_threads runs.
import { appendAuditRows } from '../audit/service';
import { createBackend, createReadOnlyBackend } from '../backend';
import { fail } from '../../../shared/result';
import type { Session } from '../../../shared/methods';
import type { TransferListItem } from 'node:worker_threads';
import type { FromWorker, ToWorker, WireSession, WorkerConfig, WorkerPort } from './protocol';

const oneLine = (e: unknown) =>
  (e instanceof Error ? e.message : String(e)).replace(/\s+/g, ' ').trim();

/** Writes after which the readers must open the database again. */
const REOPENING = new Set(['backups.restore', 'system.changePassphrase']);

/** The key crosses threads as a Uint8Array (structured clone); the driver wants a Buffer. */
const keyOf = (config: WorkerConfig): Buffer | undefined =>
  config.key ? Buffer.from(config.key) : undefined;

/** A call with its input parsed (a wire call's body is parsed here, off the HTTP thread). */
interface Call {
  id: number;
  method: string;
  input: unknown;
  session: WireSession;
}

const utf8 = new TextDecoder('utf-8', { fatal: false });
const encoder = new TextEncoder();

/** The request body's JSON, or undefined when it is not JSON (an empty body is `{}`). */
function parseBody(body: Uint8Array): { input: unknown } | undefined {
  const text = utf8.decode(body);
  if (text.trim() === '') return { input: {} };
  try {
    return { input: JSON.parse(text) as unknown };
  } catch {
    return undefined;
  }
}

export function runBackendWorker(port: WorkerPort, config: WorkerConfig): void {
  if (!config.waitForOpen) {
    openBackendWorker(port, config);
    return;
  }
  // Started alongside the writer: the code is loaded; the file is opened once it is migrated.
  let started = false;
  port.on('message', (m) => {
    if (started) return;
    if (m.type === 'open') {
      started = true;
      openBackendWorker(port, { ...config, key: m.key ?? config.key, waitForOpen: false });
    } else if (m.type === 'close') {
      started = true;
      port.postMessage({ type: 'closed' });
    }
  });
}

function openBackendWorker(port: WorkerPort, config: WorkerConfig): void {
  const post = (m: FromWorker, transfer?: TransferListItem[]) => port.postMessage(m, transfer);
  const controllers = new Map<number, AbortController>();
  let answer: (m: Call, signal: AbortSignal) => Promise<FromWorker>;
  let appendAudit: ((m: Extract<ToWorker, { type: 'audit' }>) => void) | undefined;
  let close: () => void;
  try {
    if (config.role === 'writer') {
      const backend = createBackend({
        dbFile: config.dbFile,
        migrationsFolder: config.migrationsFolder,
        createFolder: config.createFolder,
        shell: config.shell,
        key: keyOf(config),
        keySource: config.keySource,
        autoBackups: config.autoBackups,
        onNotice: (message) => post({ type: 'notice', message }),
        emit: (event) => post({ type: 'event', event }),
      });
      answer = async (m, signal) => {
        const result = await backend.dispatch(m.method, m.input, m.session as Session, signal);
        // The readers' connections still point at the old file or the old key.
        if (result.ok && REOPENING.has(m.method)) post({ type: 'reopened', key: backend.key });
        return { type: 'result', id: m.id, result };
      };
      appendAudit = (m) => appendAuditRows(backend.db, m.rows);
      close = () => backend.close();
    } else {
      const backend = createReadOnlyBackend({
        dbFile: config.dbFile,
        migrationsFolder: config.migrationsFolder,
        shell: config.shell,
        key: keyOf(config),
        // Progress of long reads (an import preview) goes out on the live-update channel.
        emit: (event) => post({ type: 'event', event }),
      });
      backend.warm();
      answer = async (m, signal) => {
        const { result, audit } = await backend.dispatch(
          m.method,
          m.input,
          m.session as Session,
          signal,
        );
        return audit.length > 0
          ? { type: 'result', id: m.id, result, audit }
          : { type: 'result', id: m.id, result };
      };
      close = () => backend.close();
    }
  } catch (e) {
    post({ type: 'startup-failed', message: oneLine(e) });
    return;
  }

  port.on('message', (m) => {
    if (m.type === 'close') {
      try {
        close();
      } finally {
        post({ type: 'closed' });
      }
      return;
    }
    if (m.type === 'cancel') {
      controllers.get(m.id)?.abort();
      return;
    }
    if (m.type === 'open') return; // already open
    if (m.type === 'audit') {
      let result: FromWorker;
      try {
        appendAudit?.(m);
        result = { type: 'result', id: m.id, result: { ok: true, value: null } };
      } catch (e) {
        console.error('[intersession] an audit record could not be written:', e);
        result = {
          type: 'result',
          id: m.id,
          result: fail('internal', 'The audit record could not be written; nothing was sent.'),
        };
      }
      post(result);
      return;
    }
    // Thrown from the listener, so it is uncaught: the worker dies as on a real crash.
    if (config.crashOn !== undefined && m.method === config.crashOn)
      throw new Error(`test crash on ${m.method}`);
    let call: Call;
    if ('body' in m) {
      const parsed = parseBody(m.body);
      if (!parsed) {
        post({
          type: 'result',
          id: m.id,
          result: fail('validation', 'input: must be a JSON object'),
          badJson: true,
        });
        return;
      }
      call = { id: m.id, method: m.method, input: parsed.input, session: m.session };
    } else call = m;
    const wire = 'wire' in m && m.wire;
    const controller = new AbortController();
    controllers.set(m.id, controller);
    answer(call, controller.signal)
      .catch((e: unknown) => {
        console.error(`[intersession] ${m.method} failed in a worker:`, e);
        return {
          type: 'result',
          id: m.id,
          result: fail('internal', 'Something went wrong on our side; nothing was changed.'),
        } satisfies FromWorker;
      })
      .then((reply) => {
        controllers.delete(m.id);
        if (!wire || reply.type !== 'result' || !reply.result.ok) {
          post(reply);
          return;
        }
        // The envelope serialised here and its bytes transferred: the HTTP thread only sends them.
        const json = encoder.encode(JSON.stringify(reply.result));
        post({ ...reply, result: { ok: true, value: null }, json }, [json.buffer]);
      });
  });
  post({ type: 'ready' });
}
