// ESLint flat config. Besides the usual recommended rules it enforces the import boundaries of
// /ARCHITECTURE: renderer -> shared; electron/main, electron/serve -> electron/backend -> db, shared;
// shared/ is pure. A wrong import is a lint error, so it fails `npm run lint` and `npm test`.
import { builtinModules } from 'node:module';
import { dirname, isAbsolute, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import js from '@eslint/js';
import { createNodeResolver, importX } from 'eslint-plugin-import-x';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const root = dirname(fileURLToPath(import.meta.url));

/** Node's built-in modules without the `node:` prefix (exact names: `domain` is also a folder). */
const NODE_BUILTINS = builtinModules.filter((m) => !m.startsWith('_') && !m.startsWith('node:'));
const NODE = 'node:';

/** A regular expression matching these package names and their subpaths. */
const packagesRegex = (names) =>
  `^(${names.map((n) => n.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')).join('|')})(/|$)`;

/** The repository-relative, '/'-separated path a relative import points to (null for packages). */
function resolveSpecifier(filename, specifier) {
  if (!specifier.startsWith('.')) return null;
  const abs = resolve(dirname(filename), specifier);
  const rel = relative(root, abs);
  if (rel.startsWith('..') || isAbsolute(rel)) return null;
  return rel.split(sep).join('/');
}

const within = (path, folder) => path === folder || path.startsWith(`${folder}/`);

/**
 * `intersession/boundaries`: relative imports must not reach into the given folders of the
 * repository (resolved against the importing file, so `../db` from renderer/ is caught while a
 * sibling folder that happens to be called `db` is not). Covers import/export declarations,
 * dynamic `import()`, `require()` and `import('...')` types.
 */
const boundariesRule = {
  meta: {
    type: 'problem',
    docs: { description: 'Enforce the import direction between top-level folders' },
    schema: [
      {
        type: 'object',
        properties: {
          forbid: { type: 'array', items: { type: 'string' } },
          allow: { type: 'array', items: { type: 'string' } },
          because: { type: 'string' },
        },
        additionalProperties: false,
      },
    ],
    messages: {
      forbidden:
        "'{{specifier}}' reaches into {{folder}}/, which this folder must not import. {{because}}",
    },
  },
  create(context) {
    const { forbid = [], allow = [], because = '' } = context.options[0] ?? {};
    const filename = context.filename;
    function check(node, source) {
      if (!source || typeof source.value !== 'string') return;
      const target = resolveSpecifier(filename, source.value);
      if (target === null) return;
      const stripped = target.replace(/(\.d)?\.(ts|tsx|js|mjs|cjs)$/, '');
      if (allow.some((a) => stripped === a || within(stripped, a))) return;
      const folder = forbid.find((f) => within(target, f));
      if (folder)
        context.report({
          node: source,
          messageId: 'forbidden',
          data: { specifier: source.value, folder, because },
        });
    }
    return {
      ImportDeclaration: (node) => check(node, node.source),
      ExportNamedDeclaration: (node) => check(node, node.source),
      ExportAllDeclaration: (node) => check(node, node.source),
      ImportExpression: (node) => node.source.type === 'Literal' && check(node, node.source),
      TSImportType: (node) => {
        const arg = node.argument;
        const lit = arg?.type === 'TSLiteralType' ? arg.literal : arg;
        if (lit?.type === 'Literal') check(node, lit);
      },
      'CallExpression[callee.name="require"]': (node) => {
        const [arg] = node.arguments;
        if (arg?.type === 'Literal') check(node, arg);
      },
    };
  },
};

const local = { rules: { boundaries: boundariesRule } };

/**
 * One zone per folder: which packages it may not import (`no-restricted-imports`, which also
 * catches re-exports) and which repository folders it may not reach (`intersession/boundaries`).
 */
function zone({ files, ignores, packages, node = false, folders, allowFolders = [], because }) {
  const patterns = [{ regex: packagesRegex(packages), message: because }];
  if (node) patterns.push({ regex: `^${NODE}`, message: because });
  return {
    files,
    ...(ignores ? { ignores } : {}),
    plugins: { intersession: local },
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: node ? NODE_BUILTINS.map((name) => ({ name, message: because })) : [],
          patterns,
        },
      ],
      'intersession/boundaries': ['error', { forbid: folders, allow: allowFolders, because }],
    },
  };
}

const SHARED_PACKAGES = [
  'electron',
  'better-sqlite3',
  'drizzle-orm',
  'react',
  'react-dom',
  '@mantine',
];

export default tseslint.config(
  {
    ignores: [
      'out/',
      'dist/',
      'node_modules/',
      'db/migrations/',
      'test-results/',
      'playwright-report/',
      'coverage/',
      '.tmp*',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' },
      ],
    },
  },
  // Scripts and configs run in Node.
  {
    files: ['**/*.{js,mjs,cjs}', '*.ts', '*.mts', 'scripts/**', 'e2e/**', 'bench/**'],
    languageOptions: { globals: { ...globals.node } },
  },
  // Playwright fixtures must destructure their (unused) dependencies: `async ({}, use) => ...`.
  {
    files: ['e2e/**'],
    rules: { 'no-empty-pattern': ['error', { allowObjectPatternsAsParameters: true }] },
  },
  // The UI runs in the browser; hooks follow React's rules.
  {
    files: ['renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'warn',
    },
  },
  // ---- No import cycles: a cycle means two modules are one, or a layer reaches up ----
  {
    files: ['**/*.{ts,tsx,mts}'],
    plugins: { 'import-x': importX },
    settings: {
      'import-x/extensions': ['.ts', '.tsx', '.mts', '.js'],
      'import-x/parsers': { '@typescript-eslint/parser': ['.ts', '.tsx', '.mts'] },
      'import-x/resolver-next': [
        createNodeResolver({ extensions: ['.ts', '.tsx', '.mts', '.js', '.json'] }),
      ],
    },
    rules: { 'import-x/no-cycle': ['error', { ignoreExternal: true }] },
  },
  // ---- Import boundaries ----
  zone({
    files: ['renderer/**'],
    packages: ['electron', 'better-sqlite3', 'better-sqlite3-multiple-ciphers', 'drizzle-orm'],
    node: true,
    folders: ['db', 'electron'],
    allowFolders: ['electron/preload/types'],
    because: 'The renderer talks to the backend only through the contract (shared/api.ts).',
  }),
  zone({
    files: ['shared/**'],
    packages: SHARED_PACKAGES,
    node: true,
    folders: ['db', 'electron', 'renderer'],
    because: 'shared/ is pure: no Node, Electron, database or UI code.',
  }),
  zone({
    files: ['db/**'],
    packages: ['electron'],
    folders: ['electron', 'renderer'],
    because: 'db/ is below the backend: it knows tables and queries only.',
  }),
  zone({
    files: ['electron/backend/**'],
    packages: ['electron'],
    folders: ['renderer'],
    because:
      'The backend runs in both shells (Electron and serve), so it never imports Electron or the UI.',
  }),
);
