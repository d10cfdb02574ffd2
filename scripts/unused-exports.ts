// Lists the exports of src/ modules that no other module imports, found by the TypeScript checker, so an export
// re-exported through a barrel (`export * from` in src/storage/index.ts) counts as used only when something imports
// it by name. Run it by hand: `npx tsx scripts/unused-exports.ts` (about a minute); `--tests` also lists the exports
// only tests import. An export used in its own file only can lose its `export`; one used nowhere can go.
import { relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

const root = resolve(fileURLToPath(import.meta.url), '../..');
const config = ts.getParsedCommandLineOfConfigFile(resolve(root, 'tsconfig.json'), {}, { ...ts.sys, onUnRecoverableConfigFileDiagnostic: () => undefined });
if (!config) throw new Error('tsconfig.json could not be read');
// The launchers in bin/ and the build scripts are entry points too.
const entryScripts = [...ts.sys.readDirectory(resolve(root, 'bin'), ['.mjs']), ...ts.sys.readDirectory(resolve(root, 'scripts'), ['.mjs'])];
const program = ts.createProgram({ rootNames: [...config.fileNames, ...entryScripts], options: { ...config.options, allowJs: true, checkJs: false, noEmit: true } });
const checker = program.getTypeChecker();

const isTest = (file: string) => /\.test\.tsx?$/.test(file) || file.includes('/src/test-support/') || file.includes('/e2e/');
const original = (symbol: ts.Symbol): ts.Symbol => {
  let s = symbol;
  while (s.flags & ts.SymbolFlags.Alias) {
    const next = checker.getAliasedSymbol(s);
    if (next === s) break;
    s = next;
  }
  return s;
};

/** The files that import each exported symbol (by its original declaration). */
const importers = new Map<ts.Symbol, Set<string>>();
const mark = (symbol: ts.Symbol | undefined, file: string) => {
  if (!symbol) return;
  const o = original(symbol);
  if (!importers.has(o)) importers.set(o, new Set());
  importers.get(o)!.add(file);
};
const markModule = (specifier: ts.Expression | undefined, file: string) => {
  const module = specifier && checker.getSymbolAtLocation(specifier);
  if (module) for (const e of checker.getExportsOfModule(module)) mark(e, file);
};

for (const sf of program.getSourceFiles()) {
  if (sf.fileName.includes('/node_modules/')) continue;
  const file = sf.fileName;
  const visit = (node: ts.Node): void => {
    if (ts.isImportSpecifier(node) || ts.isExportSpecifier(node)) mark(checker.getSymbolAtLocation(node.name), file);
    else if (ts.isImportClause(node) && node.name) mark(checker.getSymbolAtLocation(node.name), file);
    // A namespace import or a dynamic import() may use any export of the module.
    else if (ts.isNamespaceImport(node)) markModule(node.parent.parent.moduleSpecifier, file);
    else if (ts.isCallExpression(node) && node.expression.kind === ts.SyntaxKind.ImportKeyword) markModule(node.arguments[0], file);
    else if (ts.isImportTypeNode(node) && node.qualifier) mark(checker.getSymbolAtLocation(ts.isIdentifier(node.qualifier) ? node.qualifier : node.qualifier.right), file);
    ts.forEachChild(node, visit);
  };
  visit(sf);
}

const withTests = process.argv.includes('--tests');
const rows: string[] = [];
for (const sf of program.getSourceFiles()) {
  const file = sf.fileName;
  if (!file.startsWith(resolve(root, 'src') + '/') || isTest(file)) continue;
  const module = checker.getSymbolAtLocation(sf);
  if (!module) continue;
  for (const e of checker.getExportsOfModule(module)) {
    const o = original(e);
    const declaration = o.declarations?.[0];
    if (!declaration || declaration.getSourceFile() !== sf) continue; // a re-export is judged where it is declared
    const by = [...(importers.get(o) ?? [])].filter((f) => f !== file);
    if (by.some((f) => !isTest(f))) continue;
    if (by.length > 0 && !withTests) continue;
    const kind = o.flags & ts.SymbolFlags.Value ? 'value' : 'type';
    rows.push(`${by.length > 0 ? 'tests only' : 'unused'}\t${kind}\t${relative(root, file)}\t${e.name}`);
  }
}
console.log(rows.sort().join('\n'));
console.error(`${rows.length} export(s) nothing ${withTests ? 'but tests ' : ''}imports.`);
