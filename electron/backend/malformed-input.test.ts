// Every method of the contract refuses malformed input with a validation error that names the
// field, and writes nothing. The methods and their inputs come from `system.describe`, so methods
// added later are covered without touching this file.
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { z } from 'zod';
import { afterAll, describe, expect, it } from 'vitest';
import type { MethodDescription } from '../../shared/api';
import type { RpcResult } from '../../shared/result';
import { methodSchemas } from '../../shared/schemas';
import { startServer } from '../serve/server';
import { createBackend } from './backend';

/** The subset of JSON Schema that zod's toJSONSchema produces. */
interface JsonSchema {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  additionalProperties?: boolean | JsonSchema;
  items?: JsonSchema;
  minItems?: number;
  enum?: unknown[];
  const?: unknown;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  minLength?: number;
  maxLength?: number;
  pattern?: string;
  format?: string;
  default?: unknown;
}

type Call = (method: string, input: unknown) => Promise<RpcResult<unknown>>;

// ---- A seeded database, in-process and over HTTP ----

const dir = mkdtempSync(join(tmpdir(), 'intersession-malformed-'));
const backend = createBackend({ dbFile: join(dir, 'intersession.db'), shell: 'test' });
const rendererDir = join(dir, 'renderer');
mkdirSync(rendererDir);
writeFileSync(
  join(rendererDir, 'index.html'),
  '<!doctype html><html><head></head><body></body></html>',
);
const server = await startServer({ dispatch: backend.dispatch, rendererDir, port: 0 });

afterAll(async () => {
  await server.close();
  backend.close();
  rmSync(dir, { recursive: true, force: true });
});

const inProcess: Call = (method, input) => backend.dispatch(method, input);
const overHttp: Call = async (method, input) => {
  const res = await fetch(`http://127.0.0.1:${server.port}/rpc/${encodeURIComponent(method)}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${server.token}` },
    body: JSON.stringify(input),
  });
  return (await res.json()) as RpcResult<unknown>;
};

function value<T>(result: RpcResult<unknown>): T {
  if (!result.ok) throw new Error(`seeding failed: ${JSON.stringify(result.error)}`);
  return result.value as T;
}

const forum = value<{ id: string }>(
  await inProcess('forums.create', { title: 'BPF Gender and Access', year: 2026 }),
);
const participant = value<{ id: string }>(
  await inProcess('participants.create', {
    forumId: forum.id,
    fullName: 'Seeded Participant',
    stakeholderGroup: 'academia',
  }),
);
const methods = value<MethodDescription[]>(await inProcess('system.describe', {}));

/** A checksum of every table's contents: equal before and after means nothing was written. */
function checksum(): string {
  const hash = createHash('sha256');
  const tables = backend.db
    .prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")
    .pluck()
    .all() as string[];
  for (const table of tables) {
    const rows = backend.db
      .prepare(`SELECT * FROM "${table.replaceAll('"', '""')}"`)
      .raw()
      .all()
      .map((row) => JSON.stringify(row))
      .sort();
    hash.update(`${table}\n${rows.join('\n')}\n`);
  }
  return hash.digest('hex');
}

/** The checksum once background work (e.g. a job a call started) has stopped changing it. */
async function settledChecksum(): Promise<string> {
  let last = checksum();
  for (let i = 0; i < 20; i++) {
    await new Promise((resolve) => setTimeout(resolve, 25));
    const next = checksum();
    if (next === last) return next;
    last = next;
  }
  return last;
}

// ---- Inputs derived from a method's JSON Schema ----

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const WELL_FORMED_UNKNOWN_ID = '00000000-0000-7000-8000-000000000000';
const oversizedStrings = new Map<number, string>();
/** A string longer than the property allows: 1,000,001 characters, or more if its cap is higher. */
function oversized(s: JsonSchema | undefined): string {
  const length = Math.max(1_000_001, (s?.maxLength ?? 0) + 1);
  let str = oversizedStrings.get(length);
  if (str === undefined) oversizedStrings.set(length, (str = 'x'.repeat(length)));
  return str;
}
const CONTROL_CHARACTERS = ['\u0000', '\u0007', '\u001b'];
const NON_OBJECTS: unknown[] = [null, 42, 'x', [], true];

const branches = (s: JsonSchema): JsonSchema[] => s.anyOf ?? s.oneOf ?? [s];

/** The JSON types a schema accepts ('integer' counts as its own type), or null for "anything". */
function acceptedTypes(s: JsonSchema): Set<string> | null {
  const out = new Set<string>();
  for (const b of branches(s)) {
    if (b.allOf) return null;
    if (b.enum || b.const !== undefined) {
      for (const v of b.enum ?? [b.const])
        out.add(v === null ? 'null' : Array.isArray(v) ? 'array' : typeof v);
      continue;
    }
    if (b.type === undefined) return null;
    for (const t of Array.isArray(b.type) ? b.type : [b.type]) out.add(t);
  }
  if (out.has('number')) out.add('integer');
  return out;
}

/** Values of every JSON type, each tagged with the type it is. */
const SAMPLES: [string, unknown][] = [
  ['string', 'not the right type'],
  ['number', 1.5],
  ['integer', 7],
  ['boolean', true],
  ['null', null],
  ['array', ['x']],
  ['object', { nested: 1 }],
];

function wrongValues(s: JsonSchema): unknown[] {
  const accepted = acceptedTypes(s);
  if (!accepted) return [];
  return SAMPLES.filter(([type]) => {
    if (type === 'number') return !accepted.has('number');
    if (type === 'integer') return !accepted.has('integer') && !accepted.has('number');
    return !accepted.has(type);
  }).map(([, v]) => v);
}

/** Is a string property (possibly nullable, possibly a list of strings) free text we can stuff? */
const stringBranch = (s: JsonSchema) =>
  branches(s).find(
    (b) => b.type === 'string' || (b.enum && b.enum.every((v) => typeof v === 'string')),
  );
const stringListBranch = (s: JsonSchema) =>
  branches(s).find((b) => b.type === 'array' && b.items && stringBranch(b.items));

/** Candidate strings for a property, most specific first. */
function stringCandidates(name: string, s: JsonSchema, method: string): string[] {
  const n = name.toLowerCase();
  const ids: string[] = [];
  if (/forum/.test(n)) ids.push(forum.id);
  if (/participant|target/.test(n)) ids.push(participant.id);
  if (n === 'id' || n === 'ids') {
    if (method.startsWith('forums.')) ids.push(forum.id);
    if (method.startsWith('participants.')) ids.push(participant.id);
  }
  ids.push(WELL_FORMED_UNKNOWN_ID);
  const named: string[] = [];
  if (/email/.test(n)) named.push('someone@example.org');
  if (/country/.test(n)) named.push('DE');
  if (/zone/.test(n)) named.push('Europe/Berlin');
  if (/lang/.test(n)) named.push('en');
  if (/date|day/.test(n)) named.push('2026-03-15');
  if (/time|at$/.test(n)) named.push('09:30', '2026-03-15T09:30:00Z');
  if (/url|link|href/.test(n)) named.push('https://example.org/');
  const all = [
    ...((s.enum as string[] | undefined) ?? []),
    ...(s.const !== undefined ? [String(s.const)] : []),
    ...(typeof s.default === 'string' ? [s.default] : []),
    ...(/^ids?$|Ids?$/.test(name) ? [...ids, ...named] : [...named, 'Valid text', ...ids]),
    'Valid text',
    'en',
    '2026-03-15',
    'a',
  ];
  return all.filter(
    (c) =>
      (s.maxLength === undefined || c.length <= s.maxLength) &&
      (s.minLength === undefined || c.length >= s.minLength) &&
      (!s.pattern || new RegExp(s.pattern, 'u').test(c)),
  );
}

/** Candidate valid values for a property, most plausible first. */
function candidates(name: string, s: JsonSchema, method: string): unknown[] {
  const out: unknown[] = [];
  if (s.default !== undefined) out.push(s.default);
  for (const b of branches(s)) {
    if (b.const !== undefined) out.push(b.const);
    if (b.enum) out.push(...b.enum);
    const types = b.type === undefined ? [] : Array.isArray(b.type) ? b.type : [b.type];
    for (const t of types) {
      if (t === 'string') out.push(...stringCandidates(name, b, method));
      else if (t === 'integer' || t === 'number') {
        const min = b.minimum ?? (b.exclusiveMinimum !== undefined ? b.exclusiveMinimum + 1 : 0);
        out.push(Math.min(Math.max(min, 1), b.maximum ?? Number.MAX_SAFE_INTEGER), min);
      } else if (t === 'boolean') out.push(false, true);
      else if (t === 'null') out.push(null);
      else if (t === 'array') {
        const item = b.items ? candidates(name.replace(/s$/, ''), b.items, method)[0] : undefined;
        out.push(b.minItems ? Array.from({ length: b.minItems }, () => item) : []);
      } else if (t === 'object') out.push(minimalObject(b, method, () => true));
    }
  }
  return out;
}

/** The required properties of an object schema, each set to its first candidate that `fits`. */
function minimalObject(
  s: JsonSchema,
  method: string,
  fits: (name: string, value: unknown) => boolean,
): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const name of s.required ?? []) {
    const prop = s.properties?.[name] ?? {};
    const options = candidates(name, prop, method);
    const chosen = options.find((v) => fits(name, v));
    out[name] = chosen === undefined ? options[0] : chosen;
  }
  return out;
}

/** The zod schema of one property, when the method's schema is a plain object. */
function propertySchema(method: string, name: string): z.ZodType | undefined {
  const schema = (methodSchemas as Record<string, unknown>)[method] as
    { shape?: Record<string, z.ZodType> } | undefined;
  return schema?.shape?.[name];
}

/** A minimal input that passes validation, or null when none could be built from the schema. */
function validBase(m: MethodDescription): Record<string, unknown> | null {
  const schema = m.input as JsonSchema;
  const base = minimalObject(schema, m.name, (name, v) => {
    const zodProp = propertySchema(m.name, name);
    return zodProp ? zodProp.safeParse(v).success : true;
  });
  const zodSchema = (methodSchemas as Record<string, z.ZodType>)[m.name];
  return zodSchema.safeParse(base).success ? base : null;
}

interface Case {
  label: string;
  input: unknown;
  /** The field the error must name when the base input was valid. */
  field?: string;
}

function malformedCases(m: MethodDescription): {
  base: Record<string, unknown> | null;
  cases: Case[];
} {
  const schema = m.input as JsonSchema;
  const props = schema.properties ?? {};
  const base = validBase(m);
  const start = base ?? minimalObject(schema, m.name, () => true);
  const cases: Case[] = [];
  const withField = (field: string) => (base ? field : undefined);

  for (const input of NON_OBJECTS)
    cases.push({ label: `non-object ${JSON.stringify(input)}`, input });

  cases.push({
    label: 'an unknown extra field',
    input: { ...start, unexpectedField: 'surprise' },
    field: withField('unexpectedField'),
  });

  for (const name of schema.required ?? []) {
    const input = { ...start };
    delete input[name];
    cases.push({ label: `missing required ${name}`, input, field: withField(name) });
  }

  for (const [name, prop] of Object.entries(props)) {
    for (const wrong of wrongValues(prop))
      cases.push({
        label: `${name} = ${JSON.stringify(wrong)} (wrong type)`,
        input: { ...start, [name]: wrong },
        field: withField(name),
      });

    const bad = (s: JsonSchema | undefined): [string, string][] => [
      ['oversized', oversized(s)],
      ...CONTROL_CHARACTERS.map((c): [string, string] => [
        `control character U+${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
        `Valid${c}text`,
      ]),
    ];
    const asString = stringBranch(prop);
    if (asString)
      for (const [what, s] of bad(asString))
        cases.push({
          label: `${name}: ${what}`,
          input: { ...start, [name]: s },
          field: withField(name),
        });
    const asList = stringListBranch(prop);
    if (asList)
      for (const [what, s] of bad(asList.items && stringBranch(asList.items)))
        cases.push({
          label: `${name}[0]: ${what}`,
          input: { ...start, [name]: [s] },
          field: withField(`${name}.0`),
        });
  }
  return { base, cases };
}

function expectValidation(result: RpcResult<unknown>, c: Case, method: string) {
  const where = `${method} with ${c.label}`;
  expect.soft(result.ok, `${where} was accepted`).toBe(false);
  if (result.ok) return;
  expect.soft(result.error.code, `${where}: ${result.error.message}`).toBe('validation');
  expect.soft(typeof result.error.message, where).toBe('string');
  expect.soft(result.error.message.length, where).toBeGreaterThan(0);
  if (result.error.field !== undefined)
    expect
      .soft(result.error.message, `${where}: the message names the field`)
      .toContain(result.error.field);
  // After the field's key, a whole sentence: capitalised, ending with a full stop.
  expect
    .soft(result.error.message, `${where}: the message is a whole sentence`)
    .toMatch(/^([\w.]+: )?[A-Z“"][^]*[.!?]$/);
  if (c.field !== undefined) expect.soft(result.error.field, where).toBe(c.field);
}

// ---- The tests ----

describe('malformed input is refused, named and never written', () => {
  it('finds the methods to check in system.describe', () => {
    expect(methods.length).toBeGreaterThanOrEqual(Object.keys(methodSchemas).length);
    expect(methods.map((m) => m.name)).toContain('participants.create');
  });

  it('builds a valid base input for the seeded areas (so refusals are due to the malformed part)', () => {
    for (const name of [
      'forums.create',
      'forums.update',
      'participants.create',
      'participants.update',
      'participants.list',
    ])
      if (methods.some((m) => m.name === name))
        expect(validBase(methods.find((m) => m.name === name)!), name).not.toBeNull();
  });

  it.each(methods.map((m) => [m.name, m] as const))('%s (in-process)', async (_name, m) => {
    const { cases } = malformedCases(m);
    const before = await settledChecksum();
    for (const c of cases) {
      let result: RpcResult<unknown>;
      try {
        result = await inProcess(m.name, c.input);
      } catch (e) {
        throw new Error(`${m.name} with ${c.label} threw: ${String(e)}`, { cause: e });
      }
      expectValidation(result, c, m.name);
    }
    expect.soft(await settledChecksum(), `${m.name} wrote to the database`).toBe(before);
  });

  it.each(methods.map((m) => [m.name, m] as const))(
    '%s (over HTTP, a subset)',
    async (_name, m) => {
      const { cases } = malformedCases(m);
      const subset = [
        ...cases.filter((c) => c.label.startsWith('non-object')),
        cases.find((c) => c.label === 'an unknown extra field'),
        cases.find((c) => c.label.startsWith('missing required')),
        cases.find((c) => c.label.endsWith('(wrong type)')),
        cases.find((c) => c.label.endsWith(': oversized')),
        cases.find((c) => c.label.includes('control character U+0000')),
      ].filter((c): c is Case => c !== undefined);
      const before = await settledChecksum();
      for (const c of subset) expectValidation(await overHttp(m.name, c.input), c, m.name);
      expect.soft(await settledChecksum(), `${m.name} wrote to the database`).toBe(before);
    },
  );

  it('the base inputs themselves are not the reason for refusal', () => {
    // Guards the generator: with a valid base, a well-formed call must not be a validation error.
    for (const m of methods) {
      const base = validBase(m);
      if (!base) continue;
      const zodSchema = (methodSchemas as Record<string, z.ZodType>)[m.name];
      expect(zodSchema.safeParse(base).success, m.name).toBe(true);
      for (const v of Object.values(base))
        if (typeof v === 'string' && UUID.test(v)) expect(v).toMatch(UUID);
    }
  });
});
