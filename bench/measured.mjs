// docs/measured.md, generated from a bench report (target/bench/latest.json's shape): the
// figures of the last run, which the other docs link to instead of repeating them. Written
// by bench/bench.mjs, and by bench/addresses.mjs when run alone (then only its sections).
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { ADDRESS_HEADER, BYTE_HEADER, HEIGHT_HEADER, KINDS, addressRows, byteRows, heightRows } from './addresses.mjs';
import { kb, markdownTable, ms, repoRoot } from './shared.mjs';

const loadsOf = (count) => `${count} cold load${count === 1 ? '' : 's'}`;
const kbRow = (label, files, key) => kb(files.reduce((sum, file) => sum + file[key], 0));

/** The page's own figures: the summary table, Lighthouse, what loads and when, the wasm. */
function pageSection(report) {
  const lines = ['## The page', '', `${loadsOf(report.loads)} each of the page and its static baseline, median.`, ''];
  lines.push(markdownTable(report.summary.header, report.summary.rows), '');
  const lighthouse = Object.entries(report.lighthouse).map(([name, run]) => [
    name, run.scores.performance, run.scores.accessibility, run.scores['best-practices'], run.scores.seo,
    ms(run.fcpMs), ms(run.lcpMs), ms(run.tbtMs), run.cls.toFixed(3),
  ]);
  lines.push('Lighthouse, mobile (simulated slow 4G, 4× CPU slowdown), the median of three runs by performance:', '');
  lines.push(markdownTable(['', 'performance', 'accessibility', 'best practices', 'SEO', 'FCP ms', 'LCP ms', 'TBT ms', 'CLS'], lighthouse), '');

  const loaded = report.files.filter((file) => file.firstView || file.teamEmbed);
  const mark = (value) => (value ? '✓' : '');
  lines.push('### What the first view loads', '', 'Bytes of each file in the release; the wire figures above are as served, gzip.', '');
  lines.push(markdownTable(['file', 'raw', 'gzip', 'brotli', 'first view', '`view=team` embed'], [
    ...loaded.map((file) => [`\`${file.name}\``, file.raw, file.gzip, file.brotli, mark(file.firstView), mark(file.teamEmbed)]),
    ...[['first view', 'firstView'], ['`view=team` embed', 'teamEmbed']].map(([label, which]) => {
      const files = report.files.filter((file) => file[which]);
      return [`**${label}, KB**`, kbRow(label, files, 'raw'), kbRow(label, files, 'gzip'), kbRow(label, files, 'brotli'), '', ''];
    }),
  ]), '');

  const later = report.laterParts;
  const onDemand = [
    ['assets/split_content_reader', 'the code that reads a translation or a content file, fetched beside either'],
    ['content-parser/', 'when the address names a content file (`?content=`)'],
    ['lang/', 'when the reader chooses another language'],
  ]
    .map(([prefix, when]) => {
      const files = report.files.filter((file) => file.name.startsWith(prefix));
      return [`\`${prefix}\``, kbRow(prefix, files, 'gzip'), kbRow(prefix, files, 'brotli'), when];
    });
  lines.push('### Loaded on demand', '');
  lines.push(markdownTable(['files', 'KB gzip', 'KB brotli', 'when'], [
    [`\`assets/${later.name}\``, kb(later.gzip), kb(later.brotli),
      `the later parts; after a scroll to the matrix (median of ${later.runs}) requested ${ms(later.requestedMs)} ms, in ${ms(later.inMs)} ms, live ${ms(later.liveMs)} ms later; fetched by a first view at 1280 × 900: ${later.byFirstView ? '**yes**' : 'no'}`],
    ...onDemand,
  ]), '');

  if (report.wasmModules) {
    const { total, groups } = report.wasmModules;
    lines.push('### The wasm by module', '', `Bytes before compression, of ${total}, in a build with names kept and without the split.`, '');
    lines.push(markdownTable(['module', 'bytes', 'share'], groups.map(([group, size]) => [group, size, `${((100 * size) / total).toFixed(1)}%`])), '');
  }
  return lines;
}

/** Every address against its baseline, the bytes each loads, and the embedded heights. */
function addressSection({ addresses: result }) {
  const throttling = result.frameThrottling;
  const lines = [
    '## Every address against its static baseline', '',
    `${loadsOf(result.loads)} each of the widget and its baseline, alternately, median; ${result.viewport.width} × ${result.viewport.height} px. `
    + 'A frame\'s times count from its host post\'s navigation start.'
    + (throttling ? ` In a cross-site frame (${throttling.outOfProcess ? 'a process of its own' : 'in the post\'s process'}) `
      + `the phone profile made a fixed loop ${throttling.frameVsPost.toFixed(2)}× as long as in the post around it and ${throttling.cpuSlowdown.toFixed(1)}× as long as locally, `
      + 'and the quickest of its files took '
      + `${ms(throttling.fileMs.phone)} ms from fetch to last byte (locally ${ms(throttling.fileMs.local)}).` : ''), '',
  ];
  for (const profile of result.profiles) {
    lines.push(`### ${profile.name[0].toUpperCase()}${profile.name.slice(1)}: ${profile.label.replace(/^\w+ \((.*)\)$/, '$1')}`, '');
    for (const kind of Object.keys(result.kinds).filter((candidate) => result.addresses.some((address) => address.kind === candidate))) {
      const rows = addressRows(result, kind, profile.name).map(([address, ...rest]) => [`\`${address}\``, ...rest]);
      lines.push(`${KINDS[kind][0].toUpperCase()}${KINDS[kind].slice(1)}:`, '', markdownTable(ADDRESS_HEADER, rows), '');
    }
  }
  lines.push('## Bytes before any input, by address', '',
    'What the widget loads with no input given, until the network is idle, locally: the files of the release, and the median on the wire.', '',
    markdownTable(BYTE_HEADER, byteRows(result).map(([kind, address, ...rest]) => [kind, `\`${address}\``, ...rest])), '');
  lines.push('## Embedded heights', '',
    `Each part's frame in the host post, ${result.contentWidth} px content width, once its height has settled. WordPress shows at most 1,000 px.`, '',
    markdownTable(HEIGHT_HEADER, heightRows(result).map(([part, kind, address, ...rest]) => [`\`${part}\``, kind, `\`${address}\``, ...rest])), '');
  return lines;
}

export function measuredMarkdown(report) {
  const date = report.date.slice(0, 10);
  const lines = [
    '# Measured', '',
    `Written by \`cargo xtask bench\` on ${date}, on a machine with ${report.cores} cores, from ${report.release ?? `the release in \`${report.dist}\``}. `
    + 'Do not edit by hand: run the bench again. Timings differ by 2× and more from one machine to the next, so every timing '
    + 'target is a ratio to a static baseline measured in the same run; [speed and size](speed-and-size.md) says how each figure is taken.', '',
  ];
  if (report.summary) lines.push(...pageSection(report));
  if (report.addresses) lines.push(...addressSection(report));
  return `${lines.join('\n').trimEnd()}\n`;
}

/** Writes docs/measured.md from `report`; resolves to its path. */
export async function writeMeasured(report) {
  const path = join(repoRoot, 'docs/measured.md');
  await writeFile(path, measuredMarkdown(report));
  return path;
}
