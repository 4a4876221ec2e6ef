/** The schema is the single source of truth: generated types and validator must match it. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { quantities } from '@echemkit/core';
import { generateArtifacts } from '../scripts/schema-artifacts.js';

describe('schema artifacts', () => {
  it('generated TypeScript types and the standalone validator are up to date (run `npm run generate`)', async () => {
    const artifacts = await generateArtifacts();
    for (const [path, text] of Object.entries(artifacts)) {
      expect(readFileSync(path, 'utf8'), `${path} is stale: run npm run generate`).toBe(text);
    }
  });
});

describe('quantity vocabulary', () => {
  const list = quantities();
  it('has unique names in quantity_unitword style and `Quantity / unit` labels', () => {
    expect(new Set(list.map((q) => q.name)).size).toBe(list.length);
    for (const q of list) {
      expect(q.name).toMatch(/^[a-z][a-z0-9_]*$/);
      if (q.unit && q.dtype !== 'string') expect(q.label.endsWith(` / ${q.unit}`)).toBe(true);
    }
  });

  it('holds every BDF 1.3.0 active quantity with its BDF machine name, label and unit', () => {
    const bdf = readFileSync(new URL('../../shared/docs/bdf.md', import.meta.url), 'utf8');
    const named = new Set([...bdf.matchAll(/`([a-z][a-z0-9_]+)`/g)].map((m) => m[1]!));
    const required = ['test_time_second', 'unix_time_second', 'step_time_second', 'record_index', 'cycle_count', 'step_count', 'step_record_index', 'step_id', 'step_type', 'voltage_volt', 'current_ampere', 'power_watt', 'ambient_temperature_celsius', 'surface_temperature_celsius', 'temperature_t1_celsius', 'temperature_t5_celsius', 'ambient_pressure_pa', 'applied_pressure_pa', 'surface_pressure_pa', 'charging_capacity_ah', 'discharging_capacity_ah', 'net_capacity_ah', 'cumulative_capacity_ah', 'cycle_net_energy_wh', 'step_cumulative_capacity_ah', 'schedule_charging_capacity_ah', 'schedule_discharging_energy_wh', 'internal_resistance_ohm', 'dc_internal_resistance_ohm', 'ac_internal_resistance_ohm', 'frequency_hertz', 'real_impedance_ohm', 'imaginary_impedance_ohm', 'absolute_impedance_ohm', 'phase_degree'];
    const byName = new Map(list.map((q) => [q.name, q]));
    for (const name of required) {
      const q = byName.get(name);
      expect(q, name).toBeDefined();
      expect(q!.bdf).toBe(`https://w3id.org/battery-data-alliance/ontology/battery-data-format#${name}`);
      if (named.size) expect(named.has(name) || /^(cycle|step|schedule)_/.test(name) || /temperature_t\d/.test(name), `${name} in bdf.md`).toBe(true);
    }
    expect(byName.get('current_ampere')!.label).toBe('Current / A');
    expect(byName.get('ambient_temperature_celsius')!.label).toBe('Ambient Temperature / degC');
    expect(byName.get('cycle_count')!.label).toBe('Cycle Count / 1');
    expect(byName.get('step_type')!.label).toBe('Step Type');
    const bdfCount = list.filter((q) => q.bdf).length;
    expect(bdfCount).toBe(58);
  });
});
