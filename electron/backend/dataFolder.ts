import { homedir } from 'node:os';
import { join } from 'node:path';

/**
 * The platform's app-data folder: Electron passes app.getPath('userData'); browser mode uses
 * $XDG_DATA_HOME (Linux), ~/Library/Application Support (macOS) or %APPDATA% (Windows).
 */
export function defaultDbFile(appDataDir?: string): string {
  if (appDataDir) return join(appDataDir, 'intersession.db');
  const home = homedir();
  let base: string;
  if (process.platform === 'win32') base = process.env.APPDATA ?? join(home, 'AppData', 'Roaming');
  else if (process.platform === 'darwin') base = join(home, 'Library', 'Application Support');
  else base = process.env.XDG_DATA_HOME || join(home, '.local', 'share');
  return join(base, 'Intersession', 'intersession.db');
}
