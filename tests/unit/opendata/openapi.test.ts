import { readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { Validator } from '@seriousme/openapi-schema-validator';
import { openApiDocument } from '@/lib/opendata/openapi';
import { ACCESSION_FIELDS, MUNICIPALITY_FIELDS } from '@/lib/opendata/fields';

const API_DIR = path.join('app', 'api', 'v1');

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    return statSync(full).isDirectory() ? walk(full) : [full];
  });
}

/** `{ path, methods }` for every route handler under app/api/v1, read from the source like the authorization matrix does. */
function discoverV1Handlers(): { path: string; methods: string[] }[] {
  return walk(API_DIR)
    .filter((f) => /route\.tsx?$/.test(f))
    .map((file) => {
      const src = readFileSync(file, 'utf8');
      const methods = [...src.matchAll(/export\s+(?:const|async function|function)\s+(GET|POST|PUT|PATCH|DELETE|HEAD|OPTIONS)\b/g)].map((m) => m[1]!);
      return { path: '/' + path.dirname(path.relative('app', file)).split(path.sep).join('/'), methods };
    });
}

type Operation = { parameters?: { name: string }[]; responses: Record<string, { content?: Record<string, { schema: unknown }> }> };
type Doc = {
  openapi: string;
  paths: Record<string, Record<string, Operation>>;
  components: { schemas: Record<string, { properties?: Record<string, unknown>; required?: string[] }> };
};

describe('OpenAPI document of the open data API', () => {
  const doc = openApiDocument('https://memorands.example') as unknown as Doc;

  it('is a valid OpenAPI 3.1 document', async () => {
    const validator = new Validator();
    const result = await validator.validate(openApiDocument('https://memorands.example'));
    expect(result.errors).toBeUndefined();
    expect(result.valid).toBe(true);
    expect(doc.openapi).toMatch(/^3\.1\.\d+$/);
  });

  it('documents every route handler under app/api/v1 and nothing else', () => {
    const handlers = discoverV1Handlers();
    expect(handlers.length).toBeGreaterThanOrEqual(8);
    expect(Object.keys(doc.paths).sort()).toEqual(handlers.map((h) => h.path).sort());
    for (const h of handlers) {
      expect(h.methods.length, h.path).toBeGreaterThan(0);
      for (const m of h.methods) expect(doc.paths[h.path]?.[m.toLowerCase()], `${m} ${h.path}`).toBeDefined();
    }
  });

  it('gives each data endpoint the term parameter and a 200 schema of its media type', () => {
    const expected: Record<string, string> = { '': 'application/json', '.csv': 'text/csv', '.geojson': 'application/geo+json' };
    for (const resource of ['municipalities', 'accessions']) {
      for (const [suffix, media] of Object.entries(expected)) {
        const op = doc.paths[`/api/v1/${resource}${suffix}`]?.get;
        expect(op?.parameters?.map((p) => p.name)).toContain('term');
        expect(op?.responses['200']?.content?.[media]?.schema, `${resource}${suffix}`).toBeDefined();
        expect(Object.keys(op?.responses ?? {})).toEqual(expect.arrayContaining(['200', '304', '404', '422']));
      }
    }
  });

  it('describes the item shapes with exactly the fields the API returns', () => {
    const m = doc.components.schemas.Municipality!;
    const a = doc.components.schemas.Accession!;
    expect(Object.keys(m.properties ?? {})).toEqual(MUNICIPALITY_FIELDS.map((f) => f.name));
    expect(m.required).toEqual(MUNICIPALITY_FIELDS.map((f) => f.name));
    expect(Object.keys(a.properties ?? {})).toEqual(ACCESSION_FIELDS.map((f) => f.name));
    for (const field of ['email', 'e_mail', 'return_reason', 'uploader']) {
      expect(Object.keys(m.properties ?? {})).not.toContain(field);
      expect(Object.keys(a.properties ?? {})).not.toContain(field);
    }
  });
});
