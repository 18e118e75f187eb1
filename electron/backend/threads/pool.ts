/**
 * The backend off the caller's thread: one writer worker owns the write connection (writes,
 * transactions, import jobs and their status), a small pool of reader workers with read-only
 * connections (WAL) answers reads, one call per reader at a time. The thread that holds the
 * callers' connections (serve's HTTP thread, the Electron utility process) runs no SQL: it keeps
 * the narrower sessions' tokens, routes each call and fans the workers' events out.
 *
 * A read sees every write whose answer was sent before it was asked: the writer commits before
 * it replies, and each reader statement starts a fresh WAL snapshot. Audit records of reads (a
 * coordinator's reveal, an export's record) are committed by the writer before the answer leaves.
 * A reader that crashes is reported, its call answered 'internal', and it is replaced; a cancelled
 * read that does not stop at once has its reader replaced (reads write nothing, so this is safe).
 */
import { fileURLToPath } from 'node:url';
import { Worker, type TransferListItem } from 'node:worker_threads';
import type { AuditRow } from '../../../db/queries/audit';
import type { BackendEvent } from '../../../shared/events';
import {
  COORDINATORS_SESSION,
  methodDeclarations,
  sessionMayCall,
  type Session,
} from '../../../shared/methods';
import { methodSchemas, type MethodName } from '../../../shared/schemas';
import { fail, type RpcResult } from '../../../shared/result';
import { AUDIT_ONLY_WRITES } from '../changes';
import { cancelled, forbidden, type Dispatch } from '../dispatch';
import { createSessionFront } from './front';
import { createSessionTokens, type SessionTokens } from '../sessions';
import type { FromWorker, ToWorker, WireSession, WorkerConfig } from './protocol';

/** Reads that answer from the writer's memory (the import jobs it runs). */
const WRITER_STATE_READS: ReadonlySet<string> = new Set([
  'participants.importStatus',
  'participants.importCancel',
  'contributions.importStatus',
  'contributions.importCancel',
]);

export type Route = 'front' | 'writer' | 'reader';

/** Which thread answers `method`. */
export function routeOf(method: string): Route {
  if (method === 'session.open') return 'front';
  if (!Object.hasOwn(methodSchemas, method)) return 'reader'; // answers unknown_method
  const name = method as MethodName;
  if (AUDIT_ONLY_WRITES.has(name)) return 'reader';
  if (WRITER_STATE_READS.has(name)) return 'writer';
  return methodDeclarations[name].writes ? 'writer' : 'reader';
}

/** How long a worker may take to close its connection before it is ended anyway. */
const CLOSE_GRACE_MS = 5000;

/** How long a cancelled read may take to stop before its reader is replaced. */
const CANCEL_GRACE_MS = 200;

export interface ThreadedBackendOptions {
  dbFile: string;
  migrationsFolder?: string;
  createFolder?: boolean;
  shell: WorkerConfig['shell'];
  /** Reader workers (default 2). */
  readers?: number;
  /** The worker script; by default workerEntry.ts beside this file (run with tsx) or the built one. */
  workerScript?: URL;
  /** Tests only: the first reader crashes when asked this method. */
  crashReaderOn?: string;
  /** Tests only: the first writer crashes when asked this method (its replacement does not). */
  crashWriterOn?: string;
  /** The database's raw key (db/cipher.ts); absent for an unencrypted (test) database. */
  key?: Buffer;
  keySource?: WorkerConfig['keySource'];
  /** Told one sentence about what was done at open (an old plain file encrypted in place). */
  onNotice?: (message: string) => void;
  /** Make the daily backup while running (the shells turn it on). */
  autoBackups?: boolean;
  /** Where crash reports go (console.error by default). */
  log?: (line: string) => void;
}

export interface ThreadedBackend {
  dispatch(
    method: string,
    input: unknown,
    session?: Session,
    signal?: AbortSignal,
  ): Promise<RpcResult<unknown>>;
  /**
   * The same call with its input as the request body's bytes (UTF-8 JSON), which are transferred
   * to the worker and parsed there; the answer comes back as JSON bytes. Serve uses it for large
   * bodies, so the HTTP thread neither parses a big import nor serialises a big export.
   */
  dispatchWire(
    method: string,
    body: Uint8Array,
    session?: Session,
    signal?: AbortSignal,
  ): Promise<WireReply>;
  readonly sessions: SessionTokens;
  /** Receives every event of the live-update channel; returns the unsubscribe. */
  subscribe(listener: (event: BackendEvent) => void): () => void;
  close(): Promise<void>;
  /** The workers (tests kill one). */
  readonly threads: { readonly writer: Worker; readonly readers: readonly Worker[] };
}

/** The built worker script beside the bundle, or the source entry (run through tsx in tests). */
export function defaultWorkerScript(): URL {
  return import.meta.url.endsWith('.ts')
    ? new URL('./workerEntry.ts', import.meta.url)
    : new URL('./backend-worker.js', import.meta.url);
}

/** db/migrations of the project, from the source tree or from a bundle in out/<folder>/. */
function defaultMigrationsFolder(): string {
  const fromHere = import.meta.url.endsWith('.ts')
    ? '../../../db/migrations'
    : '../../db/migrations';
  return fileURLToPath(new URL(fromHere, import.meta.url));
}

/**
 * A Worker for `script`. A .ts source (tests, benches run from source) is loaded through tsx's
 * loader registered inside the worker, since worker execArgv cannot carry `--import`.
 */
function newWorker(script: URL, workerData: WorkerConfig): Worker {
  if (!script.pathname.endsWith('.ts')) return new Worker(script, { workerData });
  const boot = `import('tsx/esm/api').then((tsx) => { tsx.register(); return import(${JSON.stringify(script.href)}); });`;
  return new Worker(boot, { eval: true, workerData });
}

type Reply = Extract<FromWorker, { type: 'result' }>;

interface Pending {
  method: string;
  resolve(reply: Reply): void;
}

/** What serve sends back for a call that came as bytes: the status and the envelope's JSON. */
export interface WireReply {
  status: number;
  json: Uint8Array | string;
}

const internal = (method: string) =>
  fail(
    'internal',
    `Something went wrong on our side while answering ${method} (a backend worker stopped); nothing was changed.`,
  );

/** One worker and the calls it is answering; replaced by a fresh one when it exits. */
class Slot {
  worker!: Worker;
  readonly pending = new Map<number, Pending>();
  /** Calls whose caller went away; their worker is being replaced. */
  readonly abandoned = new Set<number>();
  ready!: Promise<void>;
  closing = false;
  /** Being replaced on purpose (the file or key changed): not a crash, and takes no calls. */
  recycling = false;
  /** Replace this worker as soon as its running call is answered. */
  private stale = false;
  generation = 0;

  constructor(
    readonly name: string,
    private readonly spawn: (generation: number) => Worker,
    private readonly onEvent: (event: BackendEvent) => void,
    private readonly log: (line: string) => void,
    private readonly onIdle: () => void,
    private readonly onReopened?: (key: Uint8Array | undefined) => void,
    private readonly onNotice?: (message: string) => void,
  ) {
    this.start();
  }

  /** Starts a fresh worker (which opens the database again), once the running call is done. */
  recycle(): void {
    if (this.closing) return;
    if (this.busy) {
      this.stale = true;
      return;
    }
    this.stale = false;
    this.recycling = true;
    void this.worker.terminate();
  }

  get busy(): boolean {
    return this.pending.size > 0;
  }

  private start(): void {
    const worker = this.spawn(this.generation++);
    this.worker = worker;
    let crash: Error | undefined;
    this.ready = new Promise<void>((resolve, reject) => {
      worker.on('message', (m: FromWorker) => {
        if (m.type === 'ready') resolve();
        else if (m.type === 'startup-failed') reject(new Error(m.message));
        else if (m.type === 'event') this.onEvent(m.event);
        else if (m.type === 'reopened') this.onReopened?.(m.key);
        else if (m.type === 'notice') this.onNotice?.(m.message);
        else if (m.type === 'result') {
          const p = this.pending.get(m.id);
          this.pending.delete(m.id);
          p?.resolve(m);
          if (!this.busy) {
            if (this.stale) this.recycle();
            else this.onIdle();
          }
        }
      });
      worker.on('error', (e) => {
        crash = e;
        reject(e);
      });
      worker.on('exit', (code) => {
        reject(new Error(`${this.name} exited (code ${code}) before it was ready`));
        if (this.worker !== worker) return;
        const calls = [...this.pending];
        this.pending.clear();
        const expected = calls.every(([id]) => this.abandoned.has(id));
        const recycled = this.recycling;
        this.recycling = false;
        if (!this.closing && !recycled && !(expected && calls.length > 0 && !crash))
          this.log(
            `[intersession] ${this.name} stopped (${crash ? crash.message : `exit code ${code}`}); ` +
              `${calls.length} call(s) answered 'internal'; starting a new one.`,
          );
        for (const [id, p] of calls)
          p.resolve({
            type: 'result',
            id,
            result: this.abandoned.has(id) ? cancelled() : internal(p.method),
          });
        this.abandoned.clear();
        if (this.closing) return;
        this.start();
        this.ready.then(this.onIdle, (e: unknown) =>
          this.log(`[intersession] ${this.name} could not be restarted: ${String(e)}`),
        );
      });
    });
    this.ready.catch(() => undefined); // reported by whoever awaits it, or by the restart above
  }

  send(
    message: Extract<ToWorker, { type: 'call' | 'audit' }>,
    method: string,
    transfer?: TransferListItem[],
  ): Promise<Reply> {
    return new Promise((resolve) => {
      this.pending.set(message.id, { method, resolve });
      this.worker.postMessage(message, transfer);
    });
  }

  cancel(id: number, replaceAfterMs: number | undefined): void {
    if (!this.pending.has(id)) return;
    this.worker.postMessage({ type: 'cancel', id } satisfies ToWorker);
    if (replaceAfterMs === undefined) return;
    const worker = this.worker;
    setTimeout(() => {
      if (this.worker === worker && this.pending.has(id)) {
        this.abandoned.add(id);
        void worker.terminate();
      }
    }, replaceAfterMs).unref();
  }

  /** Asks the worker to close its connection (the writer's gives the lock back), then ends it. */
  async close(): Promise<void> {
    this.closing = true;
    const worker = this.worker;
    await new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, CLOSE_GRACE_MS);
      worker.once('exit', () => {
        clearTimeout(timer);
        resolve();
      });
      worker.on('message', (m: FromWorker) => {
        if (m.type === 'closed') {
          clearTimeout(timer);
          resolve();
        }
      });
      worker.postMessage({ type: 'close' } satisfies ToWorker);
    });
    await worker.terminate();
  }
}

const wire = (s: Session): WireSession =>
  s.actor === undefined ? { audience: s.audience } : { audience: s.audience, actor: s.actor };

export async function startThreadedBackend(opts: ThreadedBackendOptions): Promise<ThreadedBackend> {
  const log = opts.log ?? ((line: string) => console.error(line));
  const script = opts.workerScript ?? defaultWorkerScript();
  const listeners = new Set<(event: BackendEvent) => void>();
  const emit = (event: BackendEvent) => {
    for (const l of listeners) l(event);
  };
  const base: Omit<WorkerConfig, 'role'> = {
    dbFile: opts.dbFile,
    migrationsFolder: opts.migrationsFolder ?? defaultMigrationsFolder(),
    createFolder: opts.createFolder,
    shell: opts.shell,
    key: opts.key,
    keySource: opts.keySource,
  };
  const spawn = (config: WorkerConfig) => newWorker(script, config);

  // Readers wait in one queue and take the next call when free.
  const queue: { run(slot: Slot): void; drop(): void }[] = [];
  const pump = () => {
    for (const slot of readers) {
      if (queue.length === 0) return;
      if (!slot.busy && !slot.closing && !slot.recycling) queue.shift()?.run(slot);
    }
  };

  const writer = new Slot(
    'the writer worker',
    (generation) =>
      spawn({
        ...base,
        role: 'writer',
        autoBackups: opts.autoBackups,
        ...(generation === 0 && opts.crashWriterOn ? { crashOn: opts.crashWriterOn } : {}),
      }),
    emit,
    log,
    () => undefined,
    (key) => {
      // A restored file or a new key: later workers (readers, a restarted writer) use it.
      base.key = key;
      for (const r of readers) r.recycle();
    },
    opts.onNotice ?? ((message) => console.log(message)),
  );
  // The readers start alongside the writer (loading their code takes as long as the writer's
  // open), but open their read-only connections only once the writer has created and migrated
  // the file: the first ones wait for an `open` message; a restarted one opens at once.
  const readers: Slot[] = [];
  for (let i = 0; i < (opts.readers ?? 2); i++)
    readers.push(
      new Slot(
        `reader worker ${i + 1}`,
        (generation) =>
          spawn({
            ...base,
            role: 'reader',
            ...(generation === 0 ? { waitForOpen: true } : {}),
            ...(i === 0 && generation === 0 && opts.crashReaderOn
              ? { crashOn: opts.crashReaderOn }
              : {}),
          }),
        emit,
        log,
        pump,
      ),
    );
  try {
    await writer.ready;
  } catch (e) {
    await Promise.all([writer, ...readers].map((s) => s.close()));
    throw e;
  }
  for (const r of readers) r.worker.postMessage({ type: 'open', key: base.key } satisfies ToWorker);
  try {
    await Promise.all(readers.map((r) => r.ready));
  } catch (e) {
    await Promise.all([writer, ...readers].map((s) => s.close()));
    throw e;
  }

  let nextId = 1;
  const sessions = createSessionTokens();
  const front = createSessionFront(sessions);

  const commitAudit = async (rows: AuditRow[]): Promise<RpcResult<unknown>> =>
    (await writer.send({ type: 'audit', id: nextId++, rows }, 'audit')).result;

  /** A call's message for a worker: its parsed input, or the request body's bytes (transferred). */
  type Payload = { input: unknown } | { body: Uint8Array };
  const message = (
    id: number,
    method: string,
    payload: Payload,
    session: Session,
  ): [Extract<ToWorker, { type: 'call' }>, TransferListItem[] | undefined] =>
    'body' in payload
      ? [
          { type: 'call', id, method, body: payload.body, session: wire(session), wire: true },
          [payload.body.buffer as ArrayBuffer],
        ]
      : [{ type: 'call', id, method, input: payload.input, session: wire(session) }, undefined];

  const onWriter = async (
    method: string,
    payload: Payload,
    session: Session,
    signal: AbortSignal,
  ): Promise<Reply> => {
    const id = nextId++;
    const onAbort = () => writer.cancel(id, undefined);
    signal.addEventListener('abort', onAbort, { once: true });
    try {
      return await writer.send(...withMethod(message(id, method, payload, session), method));
    } finally {
      signal.removeEventListener('abort', onAbort);
    }
  };

  const onReader = (
    method: string,
    payload: Payload,
    session: Session,
    signal: AbortSignal,
  ): Promise<Reply> =>
    new Promise((resolve) => {
      const id = nextId++;
      const answer = (result: RpcResult<unknown>): Reply => ({ type: 'result', id, result });
      let running: Slot | undefined;
      const onAbort = () => {
        if (running) running.cancel(id, CANCEL_GRACE_MS);
        else {
          queue.splice(queue.indexOf(entry), 1);
          resolve(answer(cancelled()));
        }
      };
      const entry = {
        run(slot: Slot) {
          running = slot;
          slot
            .send(...withMethod(message(id, method, payload, session), method))
            .then(async (reply): Promise<Reply> => {
              signal.removeEventListener('abort', onAbort);
              // The caller went away: what the read would have recorded is dropped with it.
              if (signal.aborted) return answer(cancelled());
              if (!reply.audit || !reply.result.ok) return reply;
              // The record of what is about to leave is committed first, or nothing leaves.
              const committed = await commitAudit(reply.audit);
              if (!committed.ok) return answer(committed);
              emit({ kind: 'changed', method, areas: ['audit'], ...forumOf(reply.audit) });
              return reply;
            })
            .then(resolve, (e: unknown) => {
              log(`[intersession] ${method} failed: ${String(e)}`);
              resolve(answer(internal(method)));
            });
        },
        drop: () => resolve(answer(cancelled())),
      };
      signal.addEventListener('abort', onAbort, { once: true });
      queue.push(entry);
      pump();
    });

  /** Routes one call; answers the pool's own refusals as replies too. */
  const route = async (
    method: string,
    payload: Payload,
    session: Session,
    signal: AbortSignal,
  ): Promise<Reply | RpcResult<unknown>> => {
    if (signal.aborted) return cancelled();
    const to = routeOf(method);
    if (to === 'front') {
      if ('input' in payload) return front(method, payload.input, session, signal);
      const parsed = parseJson(payload.body);
      return parsed === undefined
        ? { type: 'result', id: 0, result: BAD_JSON, badJson: true }
        : front(method, parsed.input, session, signal);
    }
    // A role's `allows` cannot travel to a worker, so it is checked here (audiences again there).
    if (to !== 'reader' || Object.hasOwn(methodSchemas, method))
      if (session.allows && !sessionMayCall(session, method as MethodName))
        return forbidden(session);
    return to === 'writer'
      ? onWriter(method, payload, session, signal)
      : onReader(method, payload, session, signal);
  };

  const never = new AbortController().signal;
  const isReply = (r: Reply | RpcResult<unknown>): r is Reply => 'type' in r;
  const dispatch: Dispatch = async (method, input, session, signal = never) => {
    const r = await route(method, { input }, session, signal);
    return isReply(r) ? r.result : r;
  };
  const dispatchWire = async (
    method: string,
    body: Uint8Array,
    session: Session,
    signal: AbortSignal = never,
  ): Promise<WireReply> => {
    const r = await route(method, { body: ownBuffer(body) }, session, signal);
    const reply: Reply = isReply(r) ? r : { type: 'result', id: 0, result: r };
    if (reply.badJson) return { status: 400, json: JSON.stringify(reply.result) };
    const result = reply.result;
    const status = !result.ok && result.error.code === 'unknown_method' ? 404 : 200;
    return { status, json: reply.json ?? JSON.stringify(result) };
  };

  return {
    dispatch: (method, input, session = COORDINATORS_SESSION, signal) =>
      dispatch(method, input, session, signal),
    dispatchWire: (method, body, session = COORDINATORS_SESSION, signal) =>
      dispatchWire(method, body, session, signal),
    sessions,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    async close() {
      for (const q of queue.splice(0)) q.drop();
      // Readers first: the writer's connection is the last one, so it checkpoints the WAL.
      await Promise.all(readers.map((r) => r.close()));
      await writer.close();
    },
    threads: {
      get writer() {
        return writer.worker;
      },
      get readers() {
        return readers.map((r) => r.worker);
      },
    },
  };
}

/** A wire call's message and its transfer list, for Slot.send. */
const withMethod = (
  [m, transfer]: [Extract<ToWorker, { type: 'call' }>, TransferListItem[] | undefined],
  method: string,
): [Extract<ToWorker, { type: 'call' }>, string, TransferListItem[] | undefined] => [
  m,
  method,
  transfer,
];

const BAD_JSON = fail('validation', 'input: must be a JSON object');

function parseJson(body: Uint8Array): { input: unknown } | undefined {
  const text = Buffer.from(body.buffer, body.byteOffset, body.byteLength).toString('utf8');
  if (text.trim() === '') return { input: {} };
  try {
    return { input: JSON.parse(text) as unknown };
  } catch {
    return undefined;
  }
}

/**
 * `body` on an ArrayBuffer of its own, so it can be transferred: a Buffer from node's pool (a
 * small body) shares its ArrayBuffer with other Buffers and is copied instead.
 */
function ownBuffer(body: Uint8Array): Uint8Array {
  if (body.byteOffset === 0 && body.byteLength === body.buffer.byteLength) return body;
  return new Uint8Array(body);
}

const forumOf = (rows: AuditRow[]): { forumId?: string } => {
  const id = rows.find((r) => r.forumId)?.forumId;
  return id ? { forumId: id } : {};
};
