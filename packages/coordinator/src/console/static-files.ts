import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, extname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The page's own files: plain ES modules and CSS, served as they are (no build step). */
const PAGE_DIR = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'console');

const require = createRequire(import.meta.url);
/** The folder of a package's main file (not every package exports its package.json). */
const mainDir = (name: string) => dirname(require.resolve(name));

/** The libraries the page imports, by the path it imports them from: their ES module builds. */
const VENDOR: Record<string, () => string> = {
  '/vendor/preact.mjs': () => join(mainDir('preact'), 'preact.mjs'),
  '/vendor/preact-hooks.mjs': () => join(mainDir('preact/hooks'), 'hooks.mjs'),
  '/vendor/htm.mjs': () => join(mainDir('htm'), 'htm.module.js'),
  '/vendor/uplot.mjs': () => join(mainDir('uplot'), 'uPlot.esm.js'),
  '/vendor/uplot.css': () => join(mainDir('uplot'), 'uPlot.min.css'),
};

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
};

export interface StaticFile {
  body: Buffer;
  type: string;
}

/**
 * Every file the console page loads, read once when the console starts: the
 * page's folder and the vendored libraries. Nothing is loaded from another
 * host, so the Content-Security-Policy allows this origin only, plus the
 * page's one inline script (its import map) by hash.
 */
export class StaticFiles {
  private readonly files = new Map<string, StaticFile>();
  readonly contentSecurityPolicy: string;

  constructor(pageDir = PAGE_DIR) {
    for (const name of PAGE_FILES) this.add(`/${name}`, join(pageDir, name));
    for (const [path, file] of Object.entries(VENDOR)) this.add(path, file());
    this.files.set('/', this.files.get('/index.html')!);
    const html = this.files.get('/index.html')!.body.toString('utf8');
    const importMap = /<script type="importmap">([\s\S]*?)<\/script>/.exec(html)?.[1] ?? '';
    const hash = createHash('sha256').update(importMap, 'utf8').digest('base64');
    this.contentSecurityPolicy = [
      "default-src 'none'",
      `script-src 'self' 'sha256-${hash}'`,
      // Preact and uPlot set element styles from script; style sheets come from here only.
      "style-src 'self' 'unsafe-inline'",
      "img-src 'self' data:",
      "connect-src 'self'",
      "font-src 'self'",
      "base-uri 'none'",
      "form-action 'none'",
      "frame-ancestors 'none'",
    ].join('; ');
  }

  get(path: string): StaticFile | undefined {
    return this.files.get(path);
  }

  private add(path: string, file: string): void {
    this.files.set(path, {
      body: readFileSync(file),
      type: TYPES[extname(file)] ?? 'application/octet-stream',
    });
  }
}

/** The page's files, each named here so that no request can reach another file. */
const PAGE_FILES = [
  'index.html',
  'console.css',
  'app.js',
  'api.js',
  'html.js',
  'format.js',
  'key-prompt.js',
  'cluster-map.js',
  'collection-grid.js',
  'workers-table.js',
  'jobs-view.js',
  'collections-view.js',
  'search-playground.js',
  'metrics-view.js',
  'confirm-action.js',
];
