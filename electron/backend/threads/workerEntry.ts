// The file node:worker_threads runs for each backend worker (built to out/serve/backend-worker.js).
import { parentPort, workerData } from 'node:worker_threads';
import type { WorkerConfig, WorkerPort } from './protocol';
import { runBackendWorker } from './worker';

if (!parentPort) throw new Error('workerEntry runs only as a worker thread.');
runBackendWorker(parentPort as unknown as WorkerPort, workerData as WorkerConfig); // parentPort's listener types are wider than ours
