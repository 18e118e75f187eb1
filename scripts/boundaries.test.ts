// The import boundaries of ARCHITECTURE.md are lint errors: lint small snippets placed at virtual
// paths of the repository with the project's own ESLint config.
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';
import { beforeAll, describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('..', import.meta.url));
let eslint: ESLint;

beforeAll(() => {
  eslint = new ESLint({ cwd: root });
});

/** The rule ids of the errors ESLint reports for `code` placed at `path` (repository-relative). */
async function errors(path: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: join(root, path) });
  return result.messages.filter((m) => m.severity === 2).map((m) => m.ruleId ?? m.message);
}

const BOUNDARY_RULES = ['no-restricted-imports', 'intersession/boundaries'];
const boundaryErrors = async (path: string, code: string) =>
  (await errors(path, code)).filter((r) => BOUNDARY_RULES.includes(r));

describe('import boundaries', () => {
  it.each([
    ['renderer/src/features/x/View.tsx', "import { openDatabase } from '../../../../db/open';"],
    ['renderer/src/app/Thing.tsx', "import { openDatabase } from '../../../db/open';"],
    [
      'renderer/src/app/Thing.tsx',
      "import { createDispatch } from '../../../electron/backend/dispatch';",
    ],
    ['renderer/src/app/Thing.tsx', "export * from '../../../electron/serve/server';"],
    ['renderer/src/app/Thing.tsx', "const m = await import('../../../db/schema');"],
    ['renderer/src/app/Thing.tsx', "import { ipcRenderer } from 'electron';"],
    ['renderer/src/app/Thing.tsx', "import Database from 'better-sqlite3';"],
    ['renderer/src/app/Thing.tsx', "import { readFileSync } from 'node:fs';"],
    ['renderer/src/app/Thing.tsx', "import { readFileSync } from 'fs';"],
    ['shared/domain/thing.ts', "import { readFileSync } from 'node:fs';"],
    ['shared/domain/thing.ts', "import { createHash } from 'crypto';"],
    ['shared/domain/thing.ts', "import { createDispatch } from '../../electron/backend/dispatch';"],
    ['shared/thing.ts', "import { createDispatch } from '../electron/backend/dispatch';"],
    ['shared/thing.ts', "import { openDatabase } from '../db/open';"],
    ['shared/thing.ts', "import { App } from '../renderer/src/app/App';"],
    ['shared/thing.ts', "import { eq } from 'drizzle-orm';"],
    ['shared/thing.ts', "import { sql } from 'drizzle-orm/sqlite-core';"],
    ['shared/thing.ts', "import { useState } from 'react';"],
    ['shared/thing.ts', "import { createRoot } from 'react-dom/client';"],
    ['shared/thing.ts', "import { Button } from '@mantine/core';"],
    ['shared/thing.ts', "import { app } from 'electron';"],
    ['shared/thing.ts', "import Database from 'better-sqlite3';"],
    ['shared/domain/thing.test.ts', "import { readFileSync } from 'node:fs';"],
    ['db/queries/thing.ts', "import { createDispatch } from '../../electron/backend/dispatch';"],
    ['db/queries/thing.ts', "import { App } from '../../renderer/src/app/App';"],
    ['db/thing.ts', "import { app } from 'electron';"],
    ['electron/backend/area/service.ts', "import { app } from 'electron';"],
    ['electron/backend/area/service.ts', "import { App } from '../../../renderer/src/app/App';"],
    ['electron/backend/area/service.test.ts', "import { app } from 'electron';"],
  ])('%s: %s is an error', async (path, code) => {
    expect(await boundaryErrors(path, code)).not.toEqual([]);
  });

  it.each([
    ['renderer/src/app/Thing.tsx', "import type { AppApi } from '../../../shared/api';"],
    ['renderer/src/app/Thing.tsx', "import { Button } from '@mantine/core';"],
    ['renderer/src/app/Thing.tsx', "import type {} from '../../../electron/preload/types';"],
    // A folder of the renderer's own that happens to be called `db` is not the repository's db/.
    ['renderer/src/features/db/x.ts', "import { a } from '../db/y';"],
    ['shared/schemas/thing.ts', "import { z } from 'zod';"],
    ['shared/schemas/thing.ts', "import { id } from './common';"],
    ['shared/schemas/thing.ts', "import { fold } from '../domain/fold';"],
    ['db/queries/thing.ts', "import { eq } from 'drizzle-orm';"],
    ['db/queries/thing.ts', "import type { Forum } from '../../shared/api';"],
    ['db/thing.ts', "import { mkdirSync } from 'node:fs';"],
    ['electron/backend/area/service.ts', "import { openDatabase } from '../../../db/open';"],
    ['electron/backend/area/service.ts', "import { ok } from '../../../shared/result';"],
    ['electron/backend/area/service.ts', "import { randomUUID } from 'node:crypto';"],
    ['electron/main/index.ts', "import { app } from 'electron';"],
    ['electron/main/index.ts', "import { createBackend } from '../backend/backend';"],
  ])('%s: %s is allowed', async (path, code) => {
    expect(await boundaryErrors(path, `${code}\nexport {};\n`)).toEqual([]);
  });
});
