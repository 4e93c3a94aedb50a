/**
 * The lean build of the validate-only entry points: the same src, transpiled file by file with the
 * TypeScript compiler, minus the rule prose that validating never reads. Every rule and shape keeps
 * its id, profile, `when`, `check`, `message`, scans and pre-screens; only the properties in
 * `STRIPPED` are removed from object literals (their values are plain data: strings, JSON Schema
 * fragments, and the `notes`/`suggest` functions only `describeRules`/`suggestName` call). Messages
 * never read them (a test checks the violations are identical), and without them a bundler drops
 * the prose constants and helpers they referenced.
 *
 * Only files the entries reach at run time are emitted (type-only imports are elided by the
 * compiler, so they are not followed). Deterministic: same src, same bytes.
 */
import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import ts from "typescript";

/** Property names whose values only describe rules (for `describeRules`, JSON Schema, suggestions). */
export const STRIPPED: ReadonlySet<string> = new Set([
  "description",
  "source",
  "jsonSchema",
  "notes",
  "suggest",
  "unknownKeysSource",
]);

/** The validate-only entry points, relative to src. */
export const LEAN_ENTRIES = ["providers/digitalocean/validate.ts"] as const;

function strippedName(property: ts.ObjectLiteralElementLike): boolean {
  if (ts.isSpreadAssignment(property)) return false;
  const name = property.name;
  return (ts.isIdentifier(name) || ts.isStringLiteral(name)) && STRIPPED.has(name.text);
}

/** True when `node` mentions the identifier `name` anywhere (conservative: property names count too). */
function mentions(node: ts.Node, name: string): boolean {
  if (ts.isIdentifier(node) && node.text === name) return true;
  return ts.forEachChild(node, (child) => mentions(child, name) || undefined) ?? false;
}

/** No assignment, `new`, `delete`, `++`/`--`, `await` or `yield` inside (formatting calls are fine). */
function sideEffectFree(node: ts.Node): boolean {
  if (
    ts.isNewExpression(node) ||
    ts.isDeleteExpression(node) ||
    ts.isAwaitExpression(node) ||
    ts.isYieldExpression(node) ||
    ts.isPrefixUnaryExpression(node) ||
    ts.isPostfixUnaryExpression(node) ||
    (ts.isBinaryExpression(node) &&
      node.operatorToken.kind >= ts.SyntaxKind.FirstAssignment &&
      node.operatorToken.kind <= ts.SyntaxKind.LastAssignment)
  ) {
    return false;
  }
  return ts.forEachChild(node, (child) => (sideEffectFree(child) ? undefined : true)) === undefined;
}

/**
 * Positions of parameters named like a stripped property (`description`, `source`) that the
 * function no longer reads once its object literals are stripped, by function name.
 */
function unreadProseParams(file: ts.SourceFile): Map<string, Set<number>> {
  const out = new Map<string, Set<number>>();
  for (const statement of file.statements) {
    if (!ts.isFunctionDeclaration(statement) || !statement.name || !statement.body) continue;
    const body = statement.body;
    const unread = new Set<number>();
    statement.parameters.forEach((param, i) => {
      if (ts.isIdentifier(param.name) && STRIPPED.has(param.name.text) && !mentions(body, param.name.text))
        unread.add(i);
    });
    if (unread.size > 0) out.set(statement.name.text, unread);
  }
  return out;
}

/**
 * Removes the `STRIPPED` properties from every object literal of a file; then, for calls to a
 * function of the same file whose `description`/`source` parameter is no longer read, leaves out
 * that argument (trailing) or passes `undefined`, so the prose it carried goes too.
 */
export const stripProse: ts.TransformerFactory<ts.SourceFile> = (context) => {
  const { factory } = context;
  const stripObjects = (node: ts.Node): ts.Node => {
    const visited = ts.visitEachChild(node, stripObjects, context);
    if (!ts.isObjectLiteralExpression(visited)) return visited;
    const kept = visited.properties.filter((property) => !strippedName(property));
    return kept.length === visited.properties.length
      ? visited
      : factory.updateObjectLiteralExpression(visited, kept);
  };
  return (file) => {
    const stripped = ts.visitNode(file, stripObjects) as ts.SourceFile;
    const unread = unreadProseParams(stripped);
    if (unread.size === 0) return dropUnusedText(stripped, factory);
    const dropArgs = (node: ts.Node): ts.Node => {
      const visited = ts.visitEachChild(node, dropArgs, context);
      if (!ts.isCallExpression(visited) || !ts.isIdentifier(visited.expression)) return visited;
      const positions = unread.get(visited.expression.text);
      if (!positions) return visited;
      const args = visited.arguments.map((arg, i) =>
        positions.has(i) && sideEffectFree(arg) ? factory.createVoidZero() : arg,
      );
      while (args.length > 0 && positions.has(args.length - 1) && isVoidZero(args[args.length - 1]!))
        args.pop();
      return factory.updateCallExpression(visited, visited.expression, visited.typeArguments, args);
    };
    return dropUnusedText(ts.visitNode(stripped, dropArgs) as ts.SourceFile, factory);
  };
};

/** A string literal, or a template whose parts are identifiers and literals: nothing to run. */
function isText(node: ts.Expression): boolean {
  if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) return true;
  return (
    ts.isTemplateExpression(node) &&
    node.templateSpans.every(
      (span) => ts.isIdentifier(span.expression) || ts.isStringLiteral(span.expression),
    )
  );
}

/**
 * Drops top-level `const NAME = "text"` / `` `${A}/b` `` declarations nobody reads any more (the
 * sources that only stripped properties quoted), repeating until none is left. Bundlers keep
 * template literals, as they cannot tell that `${A}` calls no `toString`.
 */
function dropUnusedText(file: ts.SourceFile, factory: ts.NodeFactory): ts.SourceFile {
  let statements = [...file.statements];
  for (;;) {
    const unused = statements.findIndex((statement) => {
      if (!ts.isVariableStatement(statement) || statement.modifiers?.length) return false;
      const [declaration, ...rest] = statement.declarationList.declarations;
      if (!declaration || rest.length > 0 || !ts.isIdentifier(declaration.name)) return false;
      if (!declaration.initializer || !isText(declaration.initializer)) return false;
      const name = declaration.name.text;
      return !statements.some((other) => other !== statement && mentions(other, name));
    });
    if (unused === -1) break;
    statements = statements.filter((_, i) => i !== unused);
  }
  return statements.length === file.statements.length ? file : factory.updateSourceFile(file, statements);
}

function isVoidZero(node: ts.Expression): boolean {
  return ts.isVoidExpression(node) && ts.isNumericLiteral(node.expression) && node.expression.text === "0";
}

const COMPILER_OPTIONS: ts.CompilerOptions = {
  target: ts.ScriptTarget.ES2022,
  module: ts.ModuleKind.ESNext,
  verbatimModuleSyntax: true,
  isolatedModules: true,
  removeComments: true,
};

/** Transpiles one src file with `stripProse`; returns the JS. */
export function leanJs(sourcePath: string): string {
  const source = readFileSync(sourcePath, "utf8");
  return ts.transpileModule(source, {
    compilerOptions: COMPILER_OPTIONS,
    fileName: sourcePath,
    transformers: { before: [stripProse] },
  }).outputText;
}

/** Relative `./x.js` imports and re-exports left in emitted JS, as src `.ts` paths. */
function runtimeImports(js: string, from: string): string[] {
  return ts
    .preProcessFile(js, true, false)
    .importedFiles.map((file) => file.fileName)
    .filter((name) => name.startsWith("."))
    .map((name) => resolve(dirname(from), name.replace(/\.js$/, ".ts")));
}

/**
 * Writes the lean tree of `entries` (relative to `srcDir`) under `outDir`, mirroring src's layout.
 * Returns the written paths, relative to `outDir`, sorted.
 */
export function emitLean(
  srcDir: string,
  outDir: string,
  entries: readonly string[] = LEAN_ENTRIES,
): string[] {
  // A file no longer reached must not linger from an earlier build.
  rmSync(outDir, { recursive: true, force: true });
  const queue = entries.map((entry) => resolve(srcDir, entry));
  const done = new Set<string>();
  while (queue.length > 0) {
    const path = queue.pop()!;
    if (done.has(path)) continue;
    done.add(path);
    const js = leanJs(path);
    const target = join(outDir, relative(srcDir, path).replace(/\.ts$/, ".js"));
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, js);
    queue.push(...runtimeImports(js, path));
  }
  return [...done].map((path) => relative(srcDir, path).replace(/\.ts$/, ".js")).sort();
}

// `tsx scripts/lean.ts` (the tail of `build`): src → dist/lean.
if (process.argv[1] !== undefined && resolve(process.argv[1]) === resolve(import.meta.filename)) {
  const root = resolve(import.meta.dirname, "..");
  const written = emitLean(join(root, "src"), join(root, "dist", "lean"));
  console.log(`dist/lean: ${written.length} files`);
}
