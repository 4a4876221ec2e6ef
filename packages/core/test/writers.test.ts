import { describe, expect, it } from 'vitest';
import { bdfCsvChunks, bdfMetadata, concatChunks, jsonChunks, toBdfCsvBytes, toJsonBytes } from '@echemkit/core';
import { smallDocument } from './fixtures.js';

const text = (b: Uint8Array) => new TextDecoder().decode(b);

describe('JSON writer', () => {
  it('writes float32 values with the shortest round-trip decimal, scaled ones shifted, NaN as null', () => {
    const doc = JSON.parse(text(toJsonBytes(smallDocument())));
    const cols = doc.measurements[0].columns;
    expect(cols[1]).toMatchObject({ name: 'current_ampere', unit: 'A', sourceUnit: 'mA', dtype: 'float32', values: [0.0032, null, -0.0005] });
    expect(cols[1].scaleExponent).toBeUndefined();
    expect(cols[2].values).toEqual([3.2, 3.3, 3.4]);
    expect(text(toJsonBytes(smallDocument()))).toContain('"values":[3.2,3.3,3.4]');
    expect(cols[4].values).toEqual(['1', '1', '2']);
  });

  it('is the same document indented or not, and streams in chunks', () => {
    const a = JSON.parse(text(toJsonBytes(smallDocument())));
    const b = JSON.parse(text(toJsonBytes(smallDocument(), { indent: 2 })));
    expect(b).toEqual(a);
    const doc = smallDocument();
    const n = 300000;
    doc.measurements[0]!.columns = [{ ...doc.measurements[0]!.columns[0]!, values: new Float64Array(n).map((_, i) => i / 7) }];
    const chunks = [...jsonChunks(doc)];
    expect(chunks.length).toBeGreaterThan(3);
    expect(JSON.parse(text(concatChunks(chunks))).measurements[0].columns[0].values[n - 1]).toBe((n - 1) / 7);
  });
});

describe('BDF CSV writer', () => {
  it('writes preferred labels, fixed units and equal field counts', () => {
    const csv = text(toBdfCsvBytes(smallDocument()));
    const lines = csv.trimEnd().split('\n');
    expect(lines[0]).toBe('Test Time / s,Current / A,Voltage / V,Capacitance charge / µF,Step ID');
    expect(lines[1]).toBe('0,0.0032,3.2,0,1');
    expect(lines[2]).toBe('1.5,,3.3,0,1');
    expect(new Set(lines.map((l) => l.split(',').length))).toEqual(new Set([5]));
    expect([...bdfCsvChunks(smallDocument(), { measurement: 5 })]).toEqual([]);
  });

  it('uses the working-electrode potential as Voltage / V only for two-electrode data, and says so', () => {
    const doc = smallDocument();
    const m = doc.measurements[0]!;
    m.columns[2] = { ...m.columns[2]!, name: 'working_electrode_potential_volt', quantity: 'working_electrode_potential_volt', label: 'Working Electrode Potential / V' };
    expect(text(toBdfCsvBytes(doc)).split('\n')[0]).toContain(',Voltage / V,');
    expect(bdfMetadata(doc).voltageSource).toBe('working_electrode_potential_volt');
    expect(text(toBdfCsvBytes(doc, { voltageFrom: 'none' })).split('\n')[0]).toContain('Working Electrode Potential / V');
  });
});
