import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Parser, type Quad } from 'n3';
import { JsonLdParser } from 'jsonld-streaming-parser';
import SHACLValidator from 'rdf-validate-shacl';
import rdf from 'rdf-validate-shacl/src/defaultEnv.js';

/**
 * SHACL validation of the portal's DCAT-AP description with the official
 * DCAT-AP 3.0.1 shapes (copied unchanged into tests/fixtures/dcat-ap-3.0.1,
 * see its README): the JSON-LD is parsed to RDF (jsonld-streaming-parser),
 * the Turtle shapes with N3, and rdf-validate-shacl runs them.
 */
const SHAPES_DIR = path.join('tests', 'fixtures', 'dcat-ap-3.0.1');
export const SHAPE_FILES = {
  /** The conformance shapes: mandatory properties, cardinalities, datatypes. */
  conformance: 'dcat-ap-SHACL.ttl',
  /** Range checks: the class of each property's object. */
  ranges: 'ranges.ttl',
  /** The recommended properties (sh:Warning). */
  recommended: 'shapes_recommended.ttl',
} as const;

export type ShaclResult = { severity: 'Violation' | 'Warning' | 'Info'; focusNode: string; path: string | null; message: string; shape: string };
export type ShaclOutcome = { conforms: boolean; violations: ShaclResult[]; warnings: ShaclResult[] };

export function readShapes(file: string): Quad[] {
  return new Parser().parse(readFileSync(path.join(SHAPES_DIR, file), 'utf8'));
}

/** Parses a JSON-LD document (with an inline context only: nothing is fetched) into quads. */
export function jsonLdQuads(doc: unknown): Promise<Quad[]> {
  return new Promise((resolve, reject) => {
    const quads: Quad[] = [];
    const parser = new JsonLdParser({
      documentLoader: { load: (url: string) => Promise.reject(new Error(`remote context refused: ${url}`)) },
    });
    parser.on('data', (q: Quad) => quads.push(q));
    parser.on('error', reject);
    parser.on('end', () => resolve(quads));
    parser.write(JSON.stringify(doc));
    parser.end();
  });
}

/** Runs the named shape files on the data; results by severity. */
export async function validateShacl(data: Quad[], files: readonly string[]): Promise<ShaclOutcome> {
  const validator = new SHACLValidator(validatorDataset(files.flatMap(readShapes)));
  const report = await validator.validate(validatorDataset(data));
  const results = report.results.map((r): ShaclResult => ({
    severity: (r.severity?.value.split('#').pop() ?? 'Violation') as ShaclResult['severity'],
    focusNode: r.focusNode?.value ?? '',
    path: r.path && 'value' in r.path ? String((r.path as { value: unknown }).value) : null,
    message: r.message.map((m) => m.value).join(' '),
    shape: r.sourceShape?.value ?? '',
  }));
  return {
    conforms: report.conforms,
    violations: results.filter((r) => r.severity === 'Violation'),
    warnings: results.filter((r) => r.severity === 'Warning'),
  };
}

/** The quads as a dataset of the validator's own RDF/JS environment. */
const validatorDataset = (quads: Quad[]) => rdf.dataset(quads);

/** One line per result, for failure messages and the report. */
export const describeResults = (results: ShaclResult[]) => results.map((r) => `${r.focusNode} ${r.path ?? ''}: ${r.message} (${r.shape.split('#').pop()})`);
