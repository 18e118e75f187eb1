/**
 * A child process for the SIGKILL loop tests (crash.test.ts): it prints "go" and then re-keys,
 * encrypts in place or backs up until it is killed. Not part of the app.
 *
 *   node --import tsx crash-child.ts rekey   FILE PASS_A PASS_B
 *   node --import tsx crash-child.ts encrypt FILE KEY_HEX
 *   node --import tsx crash-child.ts backup  FILE KEY_HEX
 */
import { openDatabase } from '../../../db/open';
import { createBackend } from '../backend';
import { changePassphrase, keyFromPassphrase } from './passphrase';

export const FAST_SCRYPT = { N: 2 ** 10, r: 8, p: 1 };

async function main() {
  const [mode, file, a, b] = process.argv.slice(2);
  if (mode === 'rekey') {
    let key = keyFromPassphrase(file, a, FAST_SCRYPT);
    let [from, to] = [a, b];
    process.stdout.write('go\n');
    for (;;) {
      // As the app does: the backend's connection is closed while the file is re-keyed.
      key = changePassphrase(file, key, from, to, FAST_SCRYPT);
      [from, to] = [to, from];
    }
  }
  if (mode === 'encrypt') {
    process.stdout.write('go\n');
    openDatabase({ file, key: Buffer.from(a, 'hex') }).close();
    process.stdout.write('done\n');
    return;
  }
  if (mode === 'backup') {
    const backend = createBackend({ dbFile: file, key: Buffer.from(a, 'hex'), shell: 'test' });
    process.stdout.write('go\n');
    for (;;) {
      const r = await backend.dispatch('backups.create', {});
      if (!r.ok) throw new Error(r.error.message);
    }
  }
  throw new Error(`unknown mode ${mode}`);
}

// Only as a script: crash.test.ts imports FAST_SCRYPT from here.
if (process.argv[1]?.endsWith('crash-child.ts')) void main();
