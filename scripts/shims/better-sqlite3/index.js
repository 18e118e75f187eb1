// drizzle-orm/better-sqlite3 imports this package by name (only to construct a client from a
// file name, which the app never does). One native SQLite build serves both names.
// eslint-disable-next-line @typescript-eslint/no-require-imports -- a CommonJS package: drizzle's ESM and CJS builds both load it
module.exports = require('better-sqlite3-multiple-ciphers');
