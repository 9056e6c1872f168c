/**
 * Size report for issue 15 (run by hand, not part of the tests):
 *   node_modules/.bin/tsx scripts/size-report.ts [root]
 * Lists product files (app/, components/, lib/, scripts/) over 300 lines (message catalogues, generated code and
 * the Prisma schema aside), page components (app/**\/page.tsx) over 80 lines, and functions over 60 lines, found with
 * the TypeScript compiler API (declarations, methods, arrow and function expressions; a nested function counts on its own).
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';

const root = process.argv[2] ?? process.cwd();
const DIRS = ['app', 'components', 'lib', 'scripts'];
const SKIP = [/^lib\/generated\//, /^lib\/i18n\/messages\/(lv|en)\.ts$/, /^lib\/i18n\/messages\/ns\//];
const FILE_LIMIT = 300;
const PAGE_LIMIT = 80;
const FUNCTION_LIMIT = 60;

function walk(dir: string, out: string[]) {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) walk(path, out);
    else if (/\.(ts|tsx|mts)$/.test(name) && !name.endsWith('.d.ts')) out.push(path);
  }
}

const files: string[] = [];
for (const d of DIRS) walk(join(root, d), files);

const bigFiles: [string, number][] = [];
const bigPages: [string, number][] = [];
const bigFunctions: [string, number][] = [];

function nameOf(node: ts.Node, sf: ts.SourceFile): string {
  if ((ts.isFunctionDeclaration(node) || ts.isMethodDeclaration(node)) && node.name) return node.name.getText(sf);
  const parent = node.parent;
  if (parent && ts.isVariableDeclaration(parent)) return parent.name.getText(sf);
  if (parent && ts.isPropertyAssignment(parent)) return parent.name.getText(sf);
  return '(anonymous)';
}

for (const path of files) {
  const rel = relative(root, path);
  if (SKIP.some((r) => r.test(rel))) continue;
  const text = readFileSync(path, 'utf8');
  const lines = text.split('\n').length - (text.endsWith('\n') ? 1 : 0);
  if (lines > FILE_LIMIT) bigFiles.push([rel, lines]);
  if (/^app\/.*\/page\.tsx$/.test(rel) && lines > PAGE_LIMIT) bigPages.push([rel, lines]);
  const sf = ts.createSourceFile(path, text, ts.ScriptTarget.Latest, true, path.endsWith('x') ? ts.ScriptKind.TSX : ts.ScriptKind.TS);
  const visit = (node: ts.Node) => {
    if (ts.isFunctionDeclaration(node) || ts.isMethodDeclaration(node) || ts.isArrowFunction(node) || ts.isFunctionExpression(node)) {
      const start = sf.getLineAndCharacterOfPosition(node.getStart(sf)).line;
      const end = sf.getLineAndCharacterOfPosition(node.getEnd()).line;
      const n = end - start + 1;
      if (n > FUNCTION_LIMIT) bigFunctions.push([`${rel}:${start + 1} ${nameOf(node, sf)}`, n]);
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);
}

const print = (title: string, rows: [string, number][]) => {
  console.log(`${title}: ${rows.length}`);
  for (const [what, n] of rows.sort((a, b) => b[1] - a[1])) console.log(`  ${n}\t${what}`);
};
print(`files over ${FILE_LIMIT} lines (catalogues, generated code and the Prisma schema aside)`, bigFiles);
print(`page components over ${PAGE_LIMIT} lines`, bigPages);
print(`functions over ${FUNCTION_LIMIT} lines`, bigFunctions);
