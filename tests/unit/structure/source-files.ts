// Reads the repository's own source files (TypeScript and JavaScript) and what each one imports and
// where it reads process.env, with the TypeScript parser (comments and strings never count).
// Shared by the import-boundary test.
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import ts from "typescript";

export const ROOT = path.resolve(import.meta.dirname, "../../..");

/** Top-level folders that hold no source of ours (build output, data, reports); node_modules anywhere. */
const SKIPPED_DIRS = new Set([".next", ".git", ".data", "data", "test-results", "playwright-report", ".playwright", "tmp"]);
const SOURCE_EXT = /\.(ts|tsx|mts|cts|js|jsx|mjs|cjs)$/;

/** Every source file, repo-relative with forward slashes. */
export function sourceFiles(dir = ROOT): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      const skipped = entry.name === "node_modules" || (dir === ROOT && SKIPPED_DIRS.has(entry.name));
      if (!skipped) out.push(...sourceFiles(full));
    } else if (SOURCE_EXT.test(entry.name) && !entry.name.endsWith(".d.ts")) {
      out.push(path.relative(ROOT, full).split(path.sep).join("/"));
    }
  }
  return out.sort();
}

export interface ImportRef {
  /** The specifier as written. */
  specifier: string;
  /** Repo-relative path of the file it names (extension included), or null for a package. */
  target: string | null;
  /** True when it brings no value at run time: `import type`, `export type`, or only `type` names. */
  typeOnly: boolean;
  line: number;
}

export interface SourceFacts {
  imports: ImportRef[];
  /** Lines where process.env is read (property access, element access, destructuring, node:process). */
  envReads: number[];
}

const CANDIDATES = ["", ".ts", ".tsx", ".mts", ".js", ".mjs", "/index.ts", "/index.tsx"];

/** The repo-relative file a specifier names ("@/…" or relative), or null for a package. */
export function resolveSpecifier(fromFile: string, specifier: string): string | null {
  let base: string;
  if (specifier.startsWith("@/")) base = specifier.slice(2);
  else if (specifier.startsWith("./") || specifier.startsWith("../")) base = path.posix.normalize(path.posix.join(path.posix.dirname(fromFile), specifier));
  else return null;
  for (const ext of CANDIDATES) {
    const candidate = base + ext;
    try {
      if (statSync(path.join(ROOT, candidate)).isFile()) return candidate;
    } catch {
      // not this one
    }
  }
  return `${base}.ts`; // unresolved: still a path inside the repository, so the rules can judge it
}

const isProcess = (e: ts.Expression): boolean =>
  (ts.isIdentifier(e) && e.text === "process") || (ts.isPropertyAccessExpression(e) && e.name.text === "process" && ts.isIdentifier(e.expression) && e.expression.text === "globalThis");

/** The imports and process.env reads of one file's source text. */
export function sourceFacts(file: string, code: string): SourceFacts {
  const kind = file.endsWith("x") ? ts.ScriptKind.TSX : /\.(m|c)?js$/.test(file) ? ts.ScriptKind.JS : ts.ScriptKind.TS;
  const source = ts.createSourceFile(file, code, ts.ScriptTarget.Latest, true, kind);
  const line = (node: ts.Node) => source.getLineAndCharacterOfPosition(node.getStart(source)).line + 1;
  const imports: ImportRef[] = [];
  const envReads: number[] = [];
  const add = (node: ts.Node, specifier: string, typeOnly: boolean) => imports.push({ specifier, target: resolveSpecifier(file, specifier), typeOnly, line: line(node) });

  const visit = (node: ts.Node): void => {
    if (ts.isImportDeclaration(node) && ts.isStringLiteral(node.moduleSpecifier)) {
      const clause = node.importClause;
      const bindings = clause?.namedBindings;
      // Type-only: `import type …`, or named imports that are all `type` (TypeScript drops them).
      const typeOnly =
        clause !== undefined &&
        (clause.isTypeOnly || (!clause.name && bindings !== undefined && ts.isNamedImports(bindings) && bindings.elements.length > 0 && bindings.elements.every((e) => e.isTypeOnly)));
      add(node, node.moduleSpecifier.text, typeOnly);
      if (/^(node:)?process$/.test(node.moduleSpecifier.text) && clause) {
        const named = bindings && ts.isNamedImports(bindings) ? bindings.elements.some((e) => (e.propertyName ?? e.name).text === "env") : false;
        if (named || clause.name || (bindings && ts.isNamespaceImport(bindings))) envReads.push(line(node));
      }
    } else if (ts.isExportDeclaration(node) && node.moduleSpecifier && ts.isStringLiteral(node.moduleSpecifier)) {
      const typeOnly = node.isTypeOnly || (node.exportClause !== undefined && ts.isNamedExports(node.exportClause) && node.exportClause.elements.every((e) => e.isTypeOnly));
      add(node, node.moduleSpecifier.text, typeOnly);
    } else if (ts.isImportEqualsDeclaration(node) && ts.isExternalModuleReference(node.moduleReference) && ts.isStringLiteral(node.moduleReference.expression)) {
      add(node, node.moduleReference.expression.text, node.isTypeOnly);
    } else if (ts.isCallExpression(node) && node.arguments.length >= 1 && ts.isStringLiteralLike(node.arguments[0]!)) {
      const callee = node.expression;
      const dynamicImport = callee.kind === ts.SyntaxKind.ImportKeyword;
      const requireCall = ts.isIdentifier(callee) && callee.text === "require";
      if (dynamicImport || requireCall) add(node, (node.arguments[0] as ts.StringLiteralLike).text, false);
    } else if (ts.isImportTypeNode(node) && ts.isLiteralTypeNode(node.argument) && ts.isStringLiteral(node.argument.literal)) {
      add(node, node.argument.literal.text, true); // `typeof import("…")` in a type
    } else if (ts.isPropertyAccessExpression(node) && node.name.text === "env" && isProcess(node.expression)) {
      envReads.push(line(node));
    } else if (ts.isElementAccessExpression(node) && ts.isStringLiteralLike(node.argumentExpression) && node.argumentExpression.text === "env" && isProcess(node.expression)) {
      envReads.push(line(node));
    } else if (ts.isVariableDeclaration(node) && node.initializer && isProcess(node.initializer) && ts.isObjectBindingPattern(node.name)) {
      if (node.name.elements.some((e) => ((e.propertyName ?? e.name) as ts.Identifier).text === "env")) envReads.push(line(node));
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return { imports, envReads };
}

export function readSource(file: string): string {
  return readFileSync(path.join(ROOT, file), "utf8");
}
