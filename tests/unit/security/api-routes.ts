// Discovers every route handler under app/api from the source: the route files, their URL paths and
// the HTTP methods each exports, and how each export is built (which wrapper, if any). Shared by the
// wrapper unit test and the authorization table, so a new route or method cannot go unnoticed.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import ts from "typescript";

export const HTTP_METHODS = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"] as const;
export type HttpMethod = (typeof HTTP_METHODS)[number];

/** The wrappers that declare who may call a handler, and the modules they must come from. */
export const WRAPPERS: Readonly<Record<string, string>> = {
  withUser: "@/lib/api/handler",
  withPortfolio: "@/lib/api/handler",
  withPortfolioOwner: "@/lib/api/handler",
  withAdmin: "@/lib/api/handler",
  withPublic: "@/lib/api/public",
  // withPortfolio's ownership rule in one query with the snapshot's version (built on withUser).
  withSnapshotAnswer: "@/lib/api/snapshot-cache",
};

export const API_DIR = path.resolve(import.meta.dirname, "../../../app/api");

export interface ExportedHandler {
  method: HttpMethod;
  /** The wrapper that builds it, or null with how it is built instead. */
  wrapper: string | null;
  builtBy: string;
}

export interface ApiRoute {
  /** Relative to app/api, with forward slashes, e.g. "portfolios/[id]/route.ts". */
  file: string;
  /** URL pattern, e.g. "/api/portfolios/[id]". */
  pattern: string;
  handlers: ExportedHandler[];
}

const isMethod = (name: string): name is HttpMethod => (HTTP_METHODS as readonly string[]).includes(name);
const exported = (node: ts.Node) => ts.canHaveModifiers(node) && (ts.getModifiers(node) ?? []).some((m) => m.kind === ts.SyntaxKind.ExportKeyword);

/** Local names imported from each module specifier. */
function importedNames(source: ts.SourceFile): Map<string, { name: string; module: string }> {
  const from = new Map<string, { name: string; module: string }>();
  for (const st of source.statements) {
    if (!ts.isImportDeclaration(st) || !ts.isStringLiteral(st.moduleSpecifier)) continue;
    const bindings = st.importClause?.namedBindings;
    if (bindings && ts.isNamedImports(bindings)) {
      for (const el of bindings.elements) {
        // `import { withUser as w }` is only the real wrapper if the imported name is.
        from.set(el.name.text, { name: (el.propertyName ?? el.name).text, module: st.moduleSpecifier.text });
      }
    }
  }
  return from;
}

/** How each exported HTTP method of one route module's source is built. */
export function exportedHandlers(code: string, fileName = "route.ts"): ExportedHandler[] {
  const source = ts.createSourceFile(fileName, code, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
  const imports = importedNames(source);
  const out: ExportedHandler[] = [];
  const wrapperOf = (init: ts.Expression | undefined): { wrapper: string | null; builtBy: string } => {
    if (!init) return { wrapper: null, builtBy: "no initializer" };
    if (ts.isCallExpression(init) && ts.isIdentifier(init.expression)) {
      const local = init.expression.text;
      const { name, module } = imports.get(local) ?? { name: local, module: "this file" };
      if (WRAPPERS[name] !== undefined && WRAPPERS[name] === module) return { wrapper: name, builtBy: `${name}(…)` };
      return { wrapper: null, builtBy: `${local}(…) from ${module}` };
    }
    return { wrapper: null, builtBy: ts.SyntaxKind[init.kind] };
  };
  for (const st of source.statements) {
    if (ts.isVariableStatement(st) && exported(st)) {
      for (const decl of st.declarationList.declarations) {
        if (ts.isIdentifier(decl.name)) {
          if (isMethod(decl.name.text)) out.push({ method: decl.name.text, ...wrapperOf(decl.initializer) });
        } else if (ts.isObjectBindingPattern(decl.name)) {
          for (const el of decl.name.elements) {
            if (ts.isIdentifier(el.name) && isMethod(el.name.text)) out.push({ method: el.name.text, wrapper: null, builtBy: "destructured" });
          }
        }
      }
    } else if (ts.isFunctionDeclaration(st) && exported(st) && st.name && isMethod(st.name.text)) {
      out.push({ method: st.name.text, wrapper: null, builtBy: "function declaration" });
    } else if (ts.isExportDeclaration(st) && st.exportClause && ts.isNamedExports(st.exportClause)) {
      for (const el of st.exportClause.elements) if (isMethod(el.name.text)) out.push({ method: el.name.text, wrapper: null, builtBy: "re-export" });
    }
  }
  return out;
}

/** Every app/api/**\/route.ts with its URL pattern and exported handlers. */
export function discoverApiRoutes(dir = API_DIR): ApiRoute[] {
  const files = readdirSync(dir, { recursive: true, encoding: "utf8" })
    .map((f) => f.split(path.sep).join("/"))
    .filter((f) => f === "route.ts" || f.endsWith("/route.ts"))
    .sort();
  return files.map((file) => ({
    file,
    pattern: `/api/${file.replace(/\/?route\.ts$/, "")}`.replace(/\/$/, ""),
    handlers: exportedHandlers(readFileSync(path.join(dir, file), "utf8"), file),
  }));
}
