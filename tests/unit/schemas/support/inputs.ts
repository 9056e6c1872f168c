/** Nasty inputs of the schema property tests (tests/unit/schemas/properties.test.ts, part (a)). */
import fc from 'fast-check';

export const HUGE = 'x'.repeat(1_000_000);
export const HUGE_UNICODE = 'Ķ😀'.repeat(100_000);
/** Regex backtracking bait: long runs that almost match. */
export const BAIT = ['1'.repeat(100_000) + '-', 'a'.repeat(100_000) + '@', `${'a.'.repeat(50_000)}@x`, `${'-'.repeat(50_000)}x`, `2024-${'0'.repeat(100_000)}`];
export const pollution = (): unknown[] => [
  JSON.parse('{"__proto__": {"polluted": "yes"}}'),
  JSON.parse('{"constructor": {"prototype": {"polluted": "yes"}}}'),
  { constructor: { prototype: { polluted: 'yes' } } },
  Object.assign(Object.create(null) as object, { toString: 'x', valueOf: 1 }),
  { toString: 1, valueOf: 1 },
  { hasOwnProperty: 'x', then: 'x' },
];
export const NASTY_VALUES: unknown[] = [
  null,
  undefined,
  true,
  false,
  0,
  -0,
  1,
  -1,
  1.5,
  NaN,
  Infinity,
  -Infinity,
  Number.MAX_VALUE,
  Number.MIN_VALUE,
  Number.MAX_SAFE_INTEGER + 2,
  2 ** 31,
  -(2 ** 31) - 1,
  10n,
  -(10n ** 30n),
  '',
  ' ',
  '\t\n\r',
  '\u00a0',
  '\u200b',
  '\ufeff',
  '\u2028',
  'null',
  'undefined',
  'NaN',
  'Infinity',
  '-0',
  '1e999',
  '1e-999',
  '0x10',
  '0b1',
  ' 1 ',
  '١٢٣',
  '２０２４',
  '2024',
  '2021-2025',
  '2024-02-29',
  '2021-02-30',
  '0000-00-00',
  '9999-12-31',
  '+002024-01-01',
  '\ud800',
  '\udfff',
  'a\ud800b',
  '\udc00\ud800',
  'a\u0000b',
  '\u0000',
  '%00',
  '%',
  '%%',
  '%E0%A4%A',
  '../../etc/passwd',
  '..\\..\\windows\\win.ini',
  '%2e%2e%2f',
  'C:\\boot.ini',
  '/dev/null',
  'file:///etc/passwd',
  "1' OR '1'='1",
  '\'; DROP TABLE "User"; --',
  '1; SELECT pg_sleep(10)',
  '" OR ""="',
  '<script>alert(1)</script>',
  '${jndi:ldap://x}',
  '{{7*7}}',
  '__proto__',
  'constructor',
  'prototype',
  'toString',
  'Ķekava😀',
  '👨‍👩‍👧‍👦',
  'ǅ',
  'İ',
  'ß',
  'ﷺ',
  'Z̴̡̢̛͔a̸̧l̷g̶o',
  '\u202eevil',
  'yes',
  'no',
  'on',
  'true',
  'REGULAR',
  'DECISION',
  'lv',
  'en',
  HUGE,
  HUGE_UNICODE,
  ...BAIT,
  'x'.repeat(256),
  ' '.repeat(10_000),
  [],
  [[]],
  [null],
  ['a', 'b'],
  {},
  Object.create(null),
  new Date(NaN),
  new Date(0),
  new Map([['a', 1]]),
  new Set([1]),
  new Uint8Array(4),
  Symbol('s'),
  () => 'f',
  nested(2_000),
  ...pollution(),
];
export function nested(depth: number): unknown {
  let v: unknown = 'leaf';
  for (let i = 0; i < depth; i += 1) v = i % 2 ? [v] : { a: v };
  return v;
}
export const nastyValue: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...NASTY_VALUES) },
  { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 300 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 300 }) },
  { weight: 1, arbitrary: fc.oneof(fc.double(), fc.integer(), fc.bigInt()) },
  {
    weight: 2,
    arbitrary: fc.anything({
      maxDepth: 3,
      withBigInt: true,
      withDate: true,
      withMap: true,
      withSet: true,
      withTypedArray: true,
      withSparseArray: true,
      withNullPrototype: true,
      withBoxedValues: true,
      stringUnit: 'binary',
    }),
  },
);
export const anyInput: fc.Arbitrary<unknown> = fc.oneof(
  nastyValue,
  fc.anything({
    maxDepth: 4,
    withBigInt: true,
    withDate: true,
    withMap: true,
    withSet: true,
    withTypedArray: true,
    withSparseArray: true,
    withNullPrototype: true,
    withObjectString: true,
    stringUnit: 'grapheme',
  }),
  fc.jsonValue({ maxDepth: 4, stringUnit: 'binary' }),
);

/** Every path (object keys and array indexes) of a plain value, the root included. */
export function pathsOf(v: unknown, prefix: (string | number)[] = []): (string | number)[][] {
  const out = [prefix];
  if (Array.isArray(v)) v.forEach((x, i) => out.push(...pathsOf(x, [...prefix, i])));
  else if (v && typeof v === 'object' && !(v instanceof Date)) for (const [k, x] of Object.entries(v)) out.push(...pathsOf(x, [...prefix, k]));
  return out;
}
export function replaceAt(v: unknown, at: (string | number)[], value: unknown): unknown {
  if (at.length === 0) return value;
  const [head, ...rest] = at;
  const copy = (Array.isArray(v) ? [...(v as unknown[])] : { ...(v as object) }) as Record<string | number, unknown>;
  copy[head!] = replaceAt(copy[head!], rest, value);
  return copy;
}
export function withExtraKey(v: unknown, key: string, value: unknown): unknown {
  if (!v || typeof v !== 'object' || Array.isArray(v)) return v;
  const copy = { ...v };
  // An own property named __proto__, as JSON.parse makes it.
  Object.defineProperty(copy, key, { value, enumerable: true, configurable: true, writable: true });
  return copy;
}
/** A valid input with one part replaced by a nasty value, or with an unexpected (pollution) key added, or a field deleted. */
export const shapedFrom = (valid: fc.Arbitrary<unknown>): fc.Arbitrary<unknown> =>
  fc.oneof(
    fc.tuple(valid, nastyValue, fc.nat()).map(([v, n, i]) => {
      const paths = pathsOf(v);
      return replaceAt(v, paths[i % paths.length]!, n);
    }),
    fc.tuple(valid, fc.constantFrom('__proto__', 'constructor', 'prototype', 'toString', 'extra', ''), nastyValue).map(([v, k, n]) => withExtraKey(v, k, n)),
    fc.tuple(valid, fc.nat()).map(([v, i]) => {
      if (!v || typeof v !== 'object' || Array.isArray(v)) return v;
      const keys = Object.keys(v);
      if (keys.length === 0) return v;
      const copy: Record<string, unknown> = { ...(v as Record<string, unknown>) };
      delete copy[keys[i % keys.length]!];
      return copy;
    }),
  );

// ---------------------------------------------------------------- generators of valid values (c)
