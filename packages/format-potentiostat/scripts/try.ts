/** Dev helper: prints what a plugin reads from files. Usage: npx tsx --conditions=source scripts/try.ts <plugin id> <files…> */
import { readFileSync } from 'node:fs';
import { plugins } from '../src/index.ts';
const [id, ...files] = process.argv.slice(2);
const p = plugins.find((x) => x.id === id)!;
for (const f of files) {
  const bytes = new Uint8Array(readFileSync(f));
  const w: string[] = [];
  try {
    const r = p.parse(bytes, { fileName: f, format: p.id, options: {}, siblings: new Map(), warn: (m, i) => w.push('W ' + i.ruleId + ': ' + m), info: (m, i) => w.push('I ' + i.ruleId + ': ' + m) });
    console.log('==', f.split('/').pop(), 'sniff', p.sniff(bytes.subarray(0, 65536)), r.formatVersion, JSON.stringify(r.instrument), JSON.stringify(r.software));
    for (const m of r.measurements) {
      console.log('  ', m.name, m.kind, m.technique.name, m.startTime?.value, 'rows', m.columns[0]?.values.length, (m.tables ?? []).map((t) => t.name + ':' + t.columns[0]?.values.length).join(','));
      console.log('     ', m.columns.map((c) => `${c.name}${c.quantity ? '' : '*'}[${c.sourceUnit ?? ''}]=${String(c.values[0]).slice(0, 12)}`).join(' | '));
    }
    for (const x of w.slice(0, 6)) console.log('   ', x.slice(0, 200));
  } catch (e) { console.log('==', f, 'ERROR', (e as Error).message); }
}
