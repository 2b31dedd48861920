// The initial load's weight (issue 16): every script and style sheet index.html loads or
// preloads, gzipped, against the budget. Run after `pnpm build`: `pnpm --filter @reception/web budget`.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

export const BUDGET = { js: 200 * 1024, css: 30 * 1024 };

export function initialLoad(dist) {
  const html = readFileSync(path.join(dist, 'index.html'), 'utf8');
  const files = [
    ...new Set([...html.matchAll(/(?:src|href)="\/?([^"]+\.(?:js|css))"/g)].map((m) => m[1])),
  ];
  const sizes = { js: 0, css: 0 };
  const rows = files.map((file) => {
    const gz = gzipSync(readFileSync(path.join(dist, file)), { level: 9 }).length;
    sizes[file.endsWith('.css') ? 'css' : 'js'] += gz;
    return { file, gz };
  });
  return { sizes, rows };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const dist = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', 'dist');
  const { sizes, rows } = initialLoad(dist);
  for (const r of rows.sort((a, b) => b.gz - a.gz))
    console.log(`${(r.gz / 1024).toFixed(1).padStart(7)} KB  ${r.file}`);
  const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
  console.log(
    `initial JS ${kb(sizes.js)} gzip (budget ${kb(BUDGET.js)}), CSS ${kb(sizes.css)} gzip (budget ${kb(BUDGET.css)})`,
  );
  if (sizes.js > BUDGET.js || sizes.css > BUDGET.css) {
    console.error('over budget');
    process.exit(1);
  }
}
