// The desktop backend's process: Electron's main forks this file as a utilityProcess and relays
// IPC to it. It runs the same worker pool as browser mode (a writer and reader workers), so
// neither the window nor main ever waits on SQL. Built to out/main/backend.js.
import { startThreadedBackend, type ThreadedBackend } from '../threads/pool';
import type { FromHost, ToHost } from './protocol';

interface ParentPort {
  postMessage(message: FromHost): void;
  on(event: 'message', listener: (e: { data: ToHost }) => void): void;
}

const parentPort = (process as unknown as { parentPort?: ParentPort }).parentPort; // Electron adds it in a utility process
if (!parentPort) throw new Error('utilityEntry runs only as an Electron utility process.');
const port = parentPort;
const post = (m: FromHost) => port.postMessage(m);
const oneLine = (e: unknown) =>
  (e instanceof Error ? e.message : String(e)).replace(/\s+/g, ' ').trim();

let backend: ThreadedBackend | undefined;
const calls = new Map<number, AbortController>();

port.on('message', ({ data: m }) => {
  if (m.type === 'start') {
    startThreadedBackend({
      dbFile: m.dbFile,
      migrationsFolder: m.migrationsFolder,
      createFolder: m.createFolder,
      shell: 'electron',
      key: m.key ? Buffer.from(m.key) : undefined,
      keySource: 'keystore',
      autoBackups: true,
      onNotice: (message) => post({ type: 'notice', message }),
      // Beside this bundle (out/main), written by electron-vite from workerEntry.ts.
      workerScript: new URL('./backend-worker.js', import.meta.url),
    }).then(
      (started) => {
        backend = started;
        started.subscribe((event) => post({ type: 'event', event }));
        post({ type: 'ready' });
      },
      (e: unknown) => post({ type: 'startup-failed', message: oneLine(e) }),
    );
  } else if (m.type === 'call') {
    const controller = new AbortController();
    calls.set(m.id, controller);
    const answer = backend
      ? backend.dispatch(m.method, m.input, m.session, controller.signal)
      : Promise.resolve({
          ok: false as const,
          error: { code: 'internal' as const, message: 'The backend is not running.' },
        });
    void answer.then((result) => {
      calls.delete(m.id);
      post({ type: 'result', id: m.id, result });
    });
  } else if (m.type === 'cancel') calls.get(m.id)?.abort();
  else if (m.type === 'stop')
    void (backend?.close() ?? Promise.resolve()).then(() => {
      post({ type: 'stopped' });
      process.exit(0);
    });
});
