import { join } from 'node:path';
import ts from 'typescript';
import { type K8sObject, objectName, REPO_ROOT } from './kustomize.js';

// A file that exists only in memory, placed in the repository so that module
// resolution finds kubernetes-models in its node_modules.
const VIRTUAL_FILE = join(REPO_ROOT, 'test', 'deploy', '__rendered-manifests__.ts');

function modulePathOf(object: K8sObject): string {
  const [group, version] = object.apiVersion.includes('/')
    ? object.apiVersion.split('/')
    : ['', object.apiVersion];
  return ['kubernetes-models', group, version, object.kind].filter(Boolean).join('/');
}

/**
 * Type-checks each object against the Kubernetes API types of kubernetes-models.
 * Unlike the JSON-schema check it reports fields the API does not know (a misspelt
 * `readinesProbe`, a field at the wrong level), which the API server would reject
 * or drop. Returns one message per problem, naming the object.
 */
export function apiTypeErrors(objects: K8sObject[]): string[] {
  const lines: string[] = [];
  const owners: string[] = [];
  objects.forEach((object, index) => {
    lines.push(`import type { I${object.kind} as T${index} } from '${modulePathOf(object)}';`);
  });
  objects.forEach((object, index) => {
    // One object per line, so a diagnostic's line tells which object it is about.
    owners[lines.length] = objectName(object);
    lines.push(`export const o${index} = ${JSON.stringify(object)} satisfies T${index};`);
  });
  const source = lines.join('\n');

  const options: ts.CompilerOptions = {
    strict: true,
    noEmit: true,
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.NodeNext,
    moduleResolution: ts.ModuleResolutionKind.NodeNext,
    lib: ['lib.es2022.d.ts'],
    types: [],
    skipLibCheck: true,
  };
  const host = ts.createCompilerHost(options);
  const readFile = host.readFile.bind(host);
  const fileExists = host.fileExists.bind(host);
  const getSourceFile = host.getSourceFile.bind(host);
  host.readFile = (file) => (file === VIRTUAL_FILE ? source : readFile(file));
  host.fileExists = (file) => file === VIRTUAL_FILE || fileExists(file);
  host.getSourceFile = (file, language, onError) =>
    file === VIRTUAL_FILE
      ? ts.createSourceFile(file, source, language, true, ts.ScriptKind.TS)
      : getSourceFile(file, language, onError);

  const program = ts.createProgram([VIRTUAL_FILE], options, host);
  const sourceFile = program.getSourceFile(VIRTUAL_FILE)!;
  return [...program.getSyntacticDiagnostics(sourceFile), ...program.getSemanticDiagnostics(sourceFile)].map(
    (diagnostic) => {
      const line =
        diagnostic.start === undefined ? -1 : sourceFile.getLineAndCharacterOfPosition(diagnostic.start).line;
      const owner = owners[line] ?? `line ${line + 1}`;
      return `${owner}: ${ts.flattenDiagnosticMessageText(diagnostic.messageText, ' ')}`;
    },
  );
}
