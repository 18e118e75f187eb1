/**
 * The desktop backend in its own process: main forks the built backend (out/main/backend.js) as
 * an Electron utilityProcess and only relays calls to it, so the window never waits on SQL.
 * Narrower sessions' tokens stay in main (ipc.ts resolves them); each call carries the resolved
 * session. A call whose caller went away is cancelled by request id. Main never imports db/.
 */
import { utilityProcess, type UtilityProcess } from 'electron';
import type { BackendEvent } from '../../shared/events';
import type { Session } from '../../shared/methods';
import { fail, type RpcResult } from '../../shared/result';
import type { FromHost, HostStart, ToHost } from '../backend/host/protocol';
import { createSessionFront } from '../backend/threads/front';
import { createSessionTokens, type SessionTokens } from '../backend/sessions';

export interface BackendProcess {
  dispatch(
    method: string,
    input: unknown,
    session: Session,
    signal?: AbortSignal,
  ): Promise<RpcResult<unknown>>;
  readonly sessions: SessionTokens;
  /** Receives the backend's live-update events; returns the unsubscribe. */
  onEvent(listener: (event: BackendEvent) => void): () => void;
  stop(): Promise<void>;
}

export interface BackendProcessOptions extends Omit<HostStart, 'type' | 'key'> {
  /** The built utility-process entry (out/main/backend.js). */
  entry: string;
  /** The database key (from the OS keystore); sent to the backend process only. */
  key?: Buffer;
  /** Sentences for the user about what was done at open. */
  onNotice?: (message: string) => void;
}

const stopped = () =>
  fail('internal', 'The backend process stopped; nothing more was changed. Restart Intersession.');

export function startBackendProcess(opts: BackendProcessOptions): Promise<BackendProcess> {
  const child: UtilityProcess = utilityProcess.fork(opts.entry, [], {
    serviceName: 'Intersession backend',
    stdio: 'inherit',
  });
  const pending = new Map<number, (result: RpcResult<unknown>) => void>();
  const listeners = new Set<(event: BackendEvent) => void>();
  const sessions = createSessionTokens();
  const front = createSessionFront(sessions);
  let nextId = 1;
  let exited = false;
  let onStopped: (() => void) | undefined;
  const send = (m: ToHost) => child.postMessage(m);

  return new Promise((resolve, reject) => {
    child.on('message', (m: FromHost) => {
      if (m.type === 'ready') resolve(api);
      else if (m.type === 'startup-failed') reject(new Error(m.message));
      else if (m.type === 'event') for (const l of listeners) l(m.event);
      else if (m.type === 'notice') opts.onNotice?.(m.message);
      else if (m.type === 'result') {
        pending.get(m.id)?.(m.result);
        pending.delete(m.id);
      } else if (m.type === 'stopped') onStopped?.();
    });
    child.on('exit', (code) => {
      exited = true;
      reject(new Error(`The backend process exited (code ${code}) before it was ready.`));
      for (const answer of pending.values()) answer(stopped());
      pending.clear();
      onStopped?.();
    });
    send({
      type: 'start',
      dbFile: opts.dbFile,
      migrationsFolder: opts.migrationsFolder,
      createFolder: opts.createFolder,
      ...(opts.key ? { key: new Uint8Array(opts.key) } : {}),
    });

    const api: BackendProcess = {
      dispatch(method, input, session, signal) {
        if (method === 'session.open') return front(method, input, session, signal);
        if (exited) return Promise.resolve(stopped());
        const id = nextId++;
        return new Promise((answer) => {
          pending.set(id, answer);
          const wire =
            session.actor === undefined
              ? { audience: session.audience }
              : { audience: session.audience, actor: session.actor };
          send({ type: 'call', id, method, input, session: wire });
          signal?.addEventListener('abort', () => send({ type: 'cancel', id }), { once: true });
        });
      },
      sessions,
      onEvent(listener) {
        listeners.add(listener);
        return () => listeners.delete(listener);
      },
      stop() {
        if (exited) return Promise.resolve();
        return new Promise<void>((done) => {
          onStopped = done;
          send({ type: 'stop' });
          // A backend that does not stop in time is ended (its WAL is durable).
          setTimeout(() => {
            child.kill();
            done();
          }, 5000).unref();
        });
      },
    };
  });
}
