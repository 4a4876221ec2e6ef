/** The echemkit web page: read a dropped file in the browser, summarise, plot, download. */
import { concatChunks, findQuantityColumn, lineChart, numericValues, outputsOf, read, resolveVoltage, type EchemkitDocument, type Measurement } from 'echemkit';

const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;
let current: EchemkitDocument | undefined;

function escapeHtml(s: string): string {
  return s.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);
}

function axes(m: Measurement) {
  if (m.kind === 'impedance') {
    const re = findQuantityColumn(m, 'real_impedance_ohm');
    const im = findQuantityColumn(m, 'imaginary_impedance_ohm');
    if (re && im) return { x: numericValues(re), y: numericValues(im).map((v) => -v), xLabel: re.label, yLabel: `−${im.label}`, nyquist: true };
  }
  const x = findQuantityColumn(m, 'test_time_second') ?? findQuantityColumn(m, 'binding_energy_electronvolt') ?? findQuantityColumn(m, 'depth_nanometre') ?? m.columns[0];
  const y = resolveVoltage(m)?.column ?? m.columns.find((c) => c.quantity?.startsWith('intensity')) ?? m.columns[1];
  if (!x || !y) return undefined;
  return { x: numericValues(x), y: numericValues(y), xLabel: x.label, yLabel: y.label, nyquist: false };
}

function show(index: number): void {
  const doc = current!;
  const m = doc.measurements[index];
  if (!m) return;
  const a = axes(m);
  $('plot').innerHTML = a ? lineChart([{ label: m.name ?? m.technique.name, x: a.x, y: a.y, style: a.nyquist ? 'points' : 'line' }], { title: doc.source.fileName, xLabel: a.xLabel, yLabel: a.yLabel, equalAspect: a.nyquist }) : '';
  const rows = m.columns.map((c) => `<tr><td>${escapeHtml(c.name)}</td><td>${escapeHtml(c.unit ?? '')}</td><td>${escapeHtml(c.sourceName ?? '')}</td><td>${c.values.length}</td><td>${c.derived ? 'derived' : ''}</td></tr>`);
  const diags = doc.diagnostics.map((d) => `<li class="${d.severity === 'info' ? '' : 'warn'}">${d.severity} ${escapeHtml(d.ruleId)}: ${escapeHtml(d.message)}</li>`);
  $('summary').innerHTML = `<h2>${escapeHtml(doc.source.fileName)}</h2>
<p id="format">${escapeHtml(doc.source.format)}${doc.source.formatVersion ? ` ${escapeHtml(doc.source.formatVersion)}` : ''} · ${doc.measurements.length} measurement(s) · ${escapeHtml(m.kind)} ${escapeHtml(m.technique.name)} · ${m.columns[0]?.values.length ?? 0} rows</p>
<table><tr><th>column</th><th>unit</th><th>vendor name</th><th>rows</th><th></th></tr>${rows.join('')}</table>
${diags.length ? `<ul>${diags.join('')}</ul>` : ''}`;
}

function download(name: string, chunks: Iterable<Uint8Array>, type: string): void {
  const url = URL.createObjectURL(new Blob([concatChunks(chunks) as Uint8Array<ArrayBuffer>], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

async function open(file: File): Promise<void> {
  $('status').textContent = `reading ${file.name} …`;
  $('status').className = '';
  try {
    const t0 = performance.now();
    current = await read(file);
    $('status').textContent = `read ${file.name} in ${(performance.now() - t0).toFixed(0)} ms`;
    const select = $<HTMLSelectElement>('measurement');
    select.innerHTML = current.measurements.map((m, i) => `<option value="${i}">${i}: ${escapeHtml(m.name ?? `${m.kind} ${m.technique.name}`)}</option>`).join('');
    $('actions').hidden = false;
    show(0);
  } catch (e) {
    current = undefined;
    $('actions').hidden = true;
    $('plot').innerHTML = '';
    $('summary').innerHTML = '';
    $('status').className = 'error';
    $('status').textContent = (e as Error).message;
  }
}

$<HTMLInputElement>('file').addEventListener('change', (ev) => {
  const f = (ev.target as HTMLInputElement).files?.[0];
  if (f) void open(f);
});
const drop = $('drop');
drop.addEventListener('dragover', (ev) => {
  ev.preventDefault();
  drop.classList.add('over');
});
drop.addEventListener('dragleave', () => drop.classList.remove('over'));
drop.addEventListener('drop', (ev) => {
  ev.preventDefault();
  drop.classList.remove('over');
  const f = ev.dataTransfer?.files[0];
  if (f) void open(f);
});
$<HTMLSelectElement>('measurement').addEventListener('change', (ev) => show(Number((ev.target as HTMLSelectElement).value)));
$('json').addEventListener('click', () => current && download(`${current.source.fileName}.json`, outputsOf(current, { to: 'json' })[0]!.output.chunks(), 'application/json'));
$('csv').addEventListener('click', () => {
  if (!current) return;
  const i = Number($<HTMLSelectElement>('measurement').value);
  const files = outputsOf(current, { to: 'csv' }).filter((f) => f.suffix.endsWith('.bdf.csv'));
  const f = files[i] ?? files[0];
  if (f) download(`${current.source.fileName}${f.suffix}`, f.output.chunks(), 'text/csv');
});
