import { readFileSync } from 'node:fs';

/** One Dockerfile instruction, continuation lines joined and comments dropped. */
export interface Instruction {
  keyword: string;
  args: string;
  line: number;
}

export interface Stage {
  /** The FROM reference with build arguments filled in from their defaults. */
  image: string;
  name?: string;
  instructions: Instruction[];
}

export interface Dockerfile {
  /** ARGs declared before the first FROM, with their defaults. */
  globalArgs: Record<string, string>;
  stages: Stage[];
}

export function parseDockerfile(path: string): Dockerfile {
  return buildStages(instructionsOf(readFileSync(path, 'utf8')));
}

function instructionsOf(text: string): Instruction[] {
  const instructions: Instruction[] = [];
  let pending = '';
  let startLine = 0;
  text.split('\n').forEach((raw, index) => {
    const line = raw.trim();
    if (pending === '' && (line === '' || line.startsWith('#'))) return;
    if (pending !== '' && line.startsWith('#')) return;
    if (pending === '') startLine = index + 1;
    if (line.endsWith('\\')) {
      pending += `${line.slice(0, -1)} `;
      return;
    }
    const full = (pending + line).trim();
    pending = '';
    const [keyword, ...rest] = full.split(/\s+/);
    instructions.push({ keyword: keyword.toUpperCase(), args: rest.join(' '), line: startLine });
  });
  return instructions;
}

function buildStages(instructions: Instruction[]): Dockerfile {
  const globalArgs: Record<string, string> = {};
  const stages: Stage[] = [];
  for (const instruction of instructions) {
    if (instruction.keyword === 'FROM') {
      const [reference, as, name] = instruction.args.split(/\s+/);
      stages.push({
        image: substitute(reference, globalArgs),
        name: as?.toUpperCase() === 'AS' ? name : undefined,
        instructions: [],
      });
    } else if (stages.length === 0 && instruction.keyword === 'ARG') {
      const [name, value = ''] = instruction.args.split('=');
      globalArgs[name] = unquote(value);
    } else {
      stages.at(-1)?.instructions.push(instruction);
    }
  }
  return { globalArgs, stages };
}

function substitute(reference: string, args: Record<string, string>): string {
  return reference.replace(/\$\{?(\w+)\}?/g, (_, name: string) => args[name] ?? `\${${name}}`);
}

function unquote(value: string): string {
  return value.replace(/^"(.*)"$/, '$1');
}

/** The variables a stage's ENV instructions set (`ENV A=1 B=2` form, unquoted values). */
export function environmentOf(stage: Stage): Record<string, string> {
  const environment: Record<string, string> = {};
  for (const instruction of stage.instructions.filter((i) => i.keyword === 'ENV')) {
    for (const pair of instruction.args.split(/\s+/)) {
      const [name, ...value] = pair.split('=');
      if (value.length === 0) throw new Error(`line ${instruction.line}: ENV ${pair} is not NAME=value`);
      environment[name] = value.join('=');
    }
  }
  return environment;
}

export interface CopyInstruction {
  from?: string;
  sources: string[];
  destination: string;
  line: number;
}

export function copiesOf(stage: Stage): CopyInstruction[] {
  return stage.instructions
    .filter((i) => i.keyword === 'COPY')
    .map((instruction) => {
      const words = instruction.args.split(/\s+/);
      const flags = words.filter((w) => w.startsWith('--'));
      const paths = words.filter((w) => !w.startsWith('--'));
      const from = flags.find((f) => f.startsWith('--from='))?.slice('--from='.length);
      return { from, sources: paths.slice(0, -1), destination: paths.at(-1) ?? '', line: instruction.line };
    });
}

/** Whether a path of the build context is excluded by .dockerignore patterns (no `!` rules). */
export function isIgnored(path: string, patterns: string[]): boolean {
  const segments = path.split('/');
  const candidates = segments.map((_, i) => segments.slice(0, i + 1).join('/'));
  return patterns.some((pattern) => {
    const regex = new RegExp(
      `^${pattern
        .replace(/^\/+|\/+$/g, '')
        .split('**/')
        .map((part) => part.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '[^/]*'))
        .join('(?:.*/)?')}$`,
    );
    return candidates.some((candidate) => regex.test(candidate));
  });
}

export function dockerignorePatterns(text: string): string[] {
  return text
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '' && !line.startsWith('#'));
}
