/**
 * Which AWS SDK commands an entry file's code can send: a reachability walk over top-level declarations, like a
 * bundler's tree shaking. From the entry (all of it live), each live declaration's identifiers make the
 * declarations they name live, in the same module or, through relative imports (static, `export … from`, dynamic
 * `import('./x.js')`), in other modules. Every `*Command` imported by value from an `@aws-sdk/client-*` package by
 * live code is collected, and the command behind each `paginate*` helper. So a module with two API factories
 * (say codeBuildApi and codeBuildProjectApi) counts, for each action, only the commands of the factory its code
 * reaches.
 *
 * Conservative where it cannot be precise: a module's top-level statements with side effects always run when it is
 * loaded (a variable whose initializer calls or constructs something is live); a namespace or dynamic import of a
 * relative module makes all its exports live; a whole class or object literal is live with its name. Type-only
 * imports, specifiers and type positions load nothing and are skipped. Imports the walk cannot see through (a
 * namespace or dynamic import of an SDK client, a waiter) are reported as problems, so the permissions test fails
 * instead of silently under-counting.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import ts from 'typescript';

export interface SdkCommandUse {
  /** `@aws-sdk/client-codebuild`. */
  readonly pkg: string;
  /** `StartBuildCommand`. */
  readonly command: string;
  /** The file that imports it, relative to the root. */
  readonly file: string;
}

export interface ImportGraph {
  /** Every module loaded, relative to the root, in visiting order. */
  readonly files: readonly string[];
  /** Commands reachable from the entry, once per package and command, in discovery order. */
  readonly commands: readonly SdkCommandUse[];
  /** Imports the walk cannot account for, as `file: reason`. */
  readonly problems: readonly string[];
}

const SDK_CLIENT = /^@aws-sdk\/client-[a-z0-9-]+$/;

interface ImportBinding {
  readonly from: string;
  /** The imported name, `*` for a namespace import, `default` for a default import. */
  readonly imported: string;
}

type ExportTarget = { kind: 'local'; local: string } | { kind: 'reexport'; from: string; imported: string };

interface ModuleInfo {
  readonly rel: string;
  readonly path: string;
  readonly imports: Map<string, ImportBinding>;
  /** Top-level value declarations by name (a destructuring declaration under each of its names). */
  readonly declarations: Map<string, ts.Node[]>;
  readonly exports: Map<string, ExportTarget>;
  readonly starExports: string[];
  /** Statements that run when the module is loaded and are not plain declarations. */
  readonly effects: ts.Node[];
  /** `import './x.js'`: modules loaded for their side effects. */
  readonly sideEffectImports: string[];
}

/** The commands reachable from `entry` (a path relative to `root`). */
export function importGraph(root: string, entry: string): ImportGraph {
  const modules = new Map<string, ModuleInfo>();
  const files: string[] = [];
  const commands: SdkCommandUse[] = [];
  const problems: string[] = [];
  const liveDecls = new Set<ts.Node>();
  const requested = new Set<string>();
  const queue: (() => void)[] = [];

  const load = (path: string): ModuleInfo => {
    let info = modules.get(path);
    if (info) return info;
    info = parseModule(root, path);
    modules.set(path, info);
    files.push(info.rel);
    const m = info;
    for (const spec of m.sideEffectImports) queue.push(() => loadRelative(m, spec));
    for (const node of m.effects) queue.push(() => markNode(m, node));
    return m;
  };

  const loadRelative = (from: ModuleInfo, specifier: string): ModuleInfo | undefined => {
    const target = resolveRelative(from.path, specifier);
    if (target === undefined) {
      problems.push(`${from.rel}: cannot resolve "${specifier}"`);
      return undefined;
    }
    return load(target);
  };

  const addCommand = (m: ModuleInfo, pkg: string, name: string): void => {
    const command = name.endsWith('Command')
      ? name
      : /^paginate[A-Z]/.test(name)
        ? `${name.slice('paginate'.length)}Command`
        : undefined;
    if (/^waitUntil[A-Z]/.test(name) || /^waitFor[A-Z]/.test(name)) {
      problems.push(`${m.rel}: waiter ${name} from ${pkg}; teach test/support/import-graph.ts its command`);
    }
    if (command !== undefined && !commands.some((c) => c.pkg === pkg && c.command === command)) {
      commands.push({ pkg, command, file: m.rel });
    }
  };

  /** Makes `name` of module `m` live (an export request from another module). */
  const request = (m: ModuleInfo, name: string): void => {
    const key = `${m.path}\0${name}`;
    if (requested.has(key)) return;
    requested.add(key);
    if (name === '*') {
      for (const exported of m.exports.keys()) request(m, exported);
      for (const spec of m.starExports) {
        const target = loadRelative(m, spec);
        if (target) request(target, '*');
      }
      return;
    }
    const target = m.exports.get(name);
    if (target?.kind === 'local') return markName(m, target.local);
    if (target?.kind === 'reexport') return bindingUse(m, { from: target.from, imported: target.imported });
    for (const spec of m.starExports) {
      const next = loadRelative(m, spec);
      if (next) request(next, name);
    }
  };

  /** An import binding used by live code. */
  const bindingUse = (m: ModuleInfo, binding: ImportBinding): void => {
    if (binding.from.startsWith('.')) {
      const target = loadRelative(m, binding.from);
      if (target) queue.push(() => request(target, binding.imported));
    } else if (SDK_CLIENT.test(binding.from)) {
      if (binding.imported === '*') {
        problems.push(`${m.rel}: namespace import of ${binding.from}; import its commands by name`);
      } else addCommand(m, binding.from, binding.imported);
    }
  };

  /** A name used by live code of `m`: its own declaration or an import. */
  const markName = (m: ModuleInfo, name: string): void => {
    for (const node of m.declarations.get(name) ?? []) markNode(m, node);
    const binding = m.imports.get(name);
    if (binding) bindingUse(m, binding);
  };

  const markNode = (m: ModuleInfo, node: ts.Node): void => {
    if (liveDecls.has(node)) return;
    liveDecls.add(node);
    const names = new Set<string>();
    const visit = (n: ts.Node): void => {
      if (ts.isTypeNode(n) || ts.isInterfaceDeclaration(n) || ts.isTypeAliasDeclaration(n)) return;
      if (ts.isIdentifier(n)) {
        const parent = n.parent;
        const isMemberName = parent && ts.isPropertyAccessExpression(parent) && parent.name === n;
        if (!isMemberName) names.add(n.text);
        return;
      }
      if (ts.isCallExpression(n) && n.expression.kind === ts.SyntaxKind.ImportKeyword) {
        const arg = n.arguments[0];
        if (arg && ts.isStringLiteralLike(arg)) {
          if (arg.text.startsWith('.')) {
            const target = loadRelative(m, arg.text);
            if (target) queue.push(() => request(target, '*'));
          } else if (SDK_CLIENT.test(arg.text)) {
            problems.push(`${m.rel}: dynamic import of ${arg.text}; import its commands statically by name`);
          }
        } else problems.push(`${m.rel}: dynamic import of a computed module name`);
      }
      ts.forEachChild(n, visit);
    };
    visit(node);
    for (const name of names) queue.push(() => markName(m, name));
  };

  const entryModule = load(resolve(root, entry));
  for (const nodes of entryModule.declarations.values()) for (const node of nodes) markNode(entryModule, node);
  request(entryModule, '*');
  while (queue.length > 0) queue.shift()!();
  return { files, commands, problems };
}

function parseModule(root: string, path: string): ModuleInfo {
  const source = ts.createSourceFile(path, readFileSync(path, 'utf8'), ts.ScriptTarget.Latest, true);
  const info: ModuleInfo = {
    rel: relative(root, path),
    path,
    imports: new Map(),
    declarations: new Map(),
    exports: new Map(),
    starExports: [],
    effects: [],
    sideEffectImports: [],
  };
  const declare = (name: string, node: ts.Node): void => {
    info.declarations.set(name, [...(info.declarations.get(name) ?? []), node]);
  };
  const exported = (node: ts.Node): boolean =>
    ts.canHaveModifiers(node) && (ts.getModifiers(node) ?? []).some((m) => m.kind === ts.SyntaxKind.ExportKeyword);
  const isDefault = (node: ts.Node): boolean =>
    ts.canHaveModifiers(node) && (ts.getModifiers(node) ?? []).some((m) => m.kind === ts.SyntaxKind.DefaultKeyword);

  for (const statement of source.statements) {
    if (ts.isImportDeclaration(statement)) {
      if (!ts.isStringLiteral(statement.moduleSpecifier)) continue;
      const from = statement.moduleSpecifier.text;
      const clause = statement.importClause;
      if (!clause) {
        if (from.startsWith('.')) info.sideEffectImports.push(from);
        continue;
      }
      if (clause.isTypeOnly) continue;
      if (clause.name) info.imports.set(clause.name.text, { from, imported: 'default' });
      const bindings = clause.namedBindings;
      if (bindings && ts.isNamespaceImport(bindings)) info.imports.set(bindings.name.text, { from, imported: '*' });
      else if (bindings) {
        for (const element of bindings.elements) {
          if (element.isTypeOnly) continue;
          info.imports.set(element.name.text, { from, imported: (element.propertyName ?? element.name).text });
        }
      }
    } else if (ts.isExportDeclaration(statement)) {
      if (statement.isTypeOnly) continue;
      const from =
        statement.moduleSpecifier && ts.isStringLiteral(statement.moduleSpecifier)
          ? statement.moduleSpecifier.text
          : undefined;
      const clause = statement.exportClause;
      if (clause === undefined) {
        if (from?.startsWith('.')) info.starExports.push(from);
        else if (from !== undefined && SDK_CLIENT.test(from)) {
          info.exports.set(`*${from}`, { kind: 'reexport', from, imported: '*' });
        }
      } else if (ts.isNamespaceExport(clause)) {
        if (from !== undefined) info.exports.set(clause.name.text, { kind: 'reexport', from, imported: '*' });
      } else {
        for (const element of clause.elements) {
          if (element.isTypeOnly) continue;
          const local = (element.propertyName ?? element.name).text;
          info.exports.set(
            element.name.text,
            from === undefined ? { kind: 'local', local } : { kind: 'reexport', from, imported: local },
          );
        }
      }
    } else if (ts.isExportAssignment(statement)) {
      declare('default', statement);
      info.exports.set('default', { kind: 'local', local: 'default' });
    } else if (ts.isFunctionDeclaration(statement) || ts.isClassDeclaration(statement)) {
      const name = statement.name?.text ?? 'default';
      declare(name, statement);
      if (exported(statement))
        info.exports.set(isDefault(statement) ? 'default' : name, { kind: 'local', local: name });
    } else if (ts.isEnumDeclaration(statement)) {
      declare(statement.name.text, statement);
      if (exported(statement)) info.exports.set(statement.name.text, { kind: 'local', local: statement.name.text });
    } else if (ts.isVariableStatement(statement)) {
      for (const declaration of statement.declarationList.declarations) {
        const names = bindingNames(declaration.name);
        for (const name of names) {
          declare(name, declaration);
          if (exported(statement)) info.exports.set(name, { kind: 'local', local: name });
        }
        if (declaration.initializer && hasEffects(declaration.initializer)) info.effects.push(declaration);
      }
    } else if (
      ts.isInterfaceDeclaration(statement) ||
      ts.isTypeAliasDeclaration(statement) ||
      ts.isModuleDeclaration(statement)
    ) {
      continue;
    } else {
      info.effects.push(statement);
    }
  }
  return info;
}

function bindingNames(name: ts.BindingName): string[] {
  if (ts.isIdentifier(name)) return [name.text];
  return name.elements.flatMap((element) => (ts.isOmittedExpression(element) ? [] : bindingNames(element.name)));
}

/** Whether evaluating an initializer runs code: a call, `new`, `await` or tagged template outside functions. */
function hasEffects(node: ts.Node): boolean {
  if (ts.isFunctionLike(node) || ts.isClassLike(node)) return false;
  if (
    ts.isCallExpression(node) ||
    ts.isNewExpression(node) ||
    ts.isAwaitExpression(node) ||
    ts.isTaggedTemplateExpression(node)
  ) {
    return true;
  }
  return ts.forEachChild(node, (child) => (hasEffects(child) ? true : undefined)) ?? false;
}

/** `./x.js` → `./x.ts` (NodeNext spelling), or the file itself when it exists as written (`.json`, `.mjs`). */
function resolveRelative(from: string, specifier: string): string | undefined {
  const base = join(dirname(from), specifier);
  const candidates = [base.replace(/\.js$/, '.ts'), base.replace(/\.mjs$/, '.mts'), base, join(base, 'index.ts')];
  return candidates.find((c) => existsSync(c) && !c.endsWith('/'));
}
