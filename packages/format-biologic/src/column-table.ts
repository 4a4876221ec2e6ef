/**
 * Bio-Logic column names (exactly as EC-Lab / BT-Lab write them in `.mpt` headers, which are
 * also the names of the `.mpr` column ids) → vocabulary quantity, vendor unit and kind.
 * Whole strings are matched: splitting on `/` is ambiguous (`control/V/mA`,
 * `Q charge/discharge/mA.h`, `Im(Conductivity)/mS/cm`).
 *
 * Names are looked up after normalising Greek mu (U+03BC) to the micro sign (U+00B5).
 */

/** How the raw values are stored. */
export type ColumnKind =
  /** floating-point measurement */
  | 'float'
  /** counter printed/stored as a number, kept as integers (cycle number, half cycle) */
  | 'int'
  /** 0/1 flag or the 2-bit mode (from the .mpr flags byte) */
  | 'flag'
  /** current-range code with a code → label map */
  | 'irange'
  /** sequence number Ns, kept as strings of the integer (`step_id`) */
  | 'step';

export interface ColumnEntry {
  /** Vocabulary quantity, or undefined for a vendor column. */
  quantity?: string;
  /** Quantity part of the name (label of vendor columns). */
  display: string;
  /** Unit exactly as written in the name (null when the name has none). */
  unit: string | null;
  kind: ColumnKind;
  /** The vendor writes the negated quantity (`-Im(Z)`): store the true sign. */
  negate?: boolean;
  /** Averaged (`<I>`) variant of an instantaneous quantity. */
  averaged?: boolean;
}

const T = new Map<string, ColumnEntry>();

function q(name: string, quantity: string | undefined, kind: ColumnKind = 'float', extra: Partial<ColumnEntry> = {}): void {
  const cut = unitCut(name);
  T.set(name, { quantity, display: cut.display, unit: cut.unit, kind, ...extra });
}
/** Vendor column (no quantity). */
function v(name: string, kind: ColumnKind = 'float', explicit?: { display: string; unit: string | null }): void {
  // Flag names such as ox/red hold no unit: a slash there is not a quantity/unit split.
  const cut = explicit ?? (kind === 'flag' ? { display: name, unit: null } : unitCut(name));
  T.set(name, { display: cut.display, unit: cut.unit, kind });
}

/**
 * Splits `quantity/unit` for the names of this table. Units with a slash (`mS/cm`, `mA.h/g`,
 * `mA/s`) are recognised by their known denominators.
 * @example
 * unitCut('Q discharge/mA.h/g'); // { display: 'Q discharge', unit: 'mA.h/g' }
 */
export function unitCut(name: string): { display: string; unit: string | null } {
  const at = name.lastIndexOf('/');
  if (at <= 0 || at === name.length - 1) return { display: name, unit: null };
  const last = name.slice(at + 1);
  const head = name.slice(0, at);
  // Two-part units: a denominator after a unit token (mS/cm, Ohm.cm stays one token, mA.h/g, mA.h/V, mA/s).
  if (/^(cm|cm²|cm2|g|s|V|kg)$/.test(last)) {
    const prev = head.lastIndexOf('/');
    if (prev > 0) {
      const unitHead = head.slice(prev + 1);
      if (/^(m|µ|μ|n|k)?(A|A\.h|S|W|W\.h|V|C|F|Ohm)$/.test(unitHead)) {
        return { display: head.slice(0, prev), unit: `${unitHead}/${last}` };
      }
    }
  }
  return { display: head, unit: last };
}

// Time, counters, flags
q('time/s', 'test_time_second');
q('step time/s', 'step_time_second');
q('mode', 'control_mode', 'flag');
v('ox/red', 'flag');
v('error', 'flag');
v('control changes', 'flag');
v('Ns changes', 'flag');
v('counter inc.', 'flag');
q('Ns', 'step_id', 'step');
q('cycle number', 'cycle_count', 'int');
q('half cycle', 'half_cycle_count', 'int');
v('z cycle', 'int');
q('I Range', 'current_range', 'irange');

// Control set-points (control/V/mA is split by mode in buildBiologicMeasurements)
v('control/V/mA', 'float', { display: 'control', unit: 'V/mA' });
q('control/V', 'control_voltage_volt');
q('control/mA', 'control_current_ampere');

// Potentials: Ewe is WE vs reference; Ecell and Ewe-Ece are the cell voltage (plugin guide).
q('Ewe/V', 'working_electrode_potential_volt');
q('<Ewe>/V', 'working_electrode_potential_volt', 'float', { averaged: true });
q('<Ewe/V>', 'working_electrode_potential_volt', 'float', { averaged: true, display: '<Ewe>', unit: 'V' });
q('Ecell/V', 'voltage_volt');
q('<Ecell>/V', 'voltage_volt', 'float', { averaged: true });
q('Ewe-Ece/V', 'voltage_volt');
q('<Ewe-Ece>/V', 'voltage_volt', 'float', { averaged: true });
q('Ece/V', 'counter_electrode_potential_volt');
q('<Ece>/V', 'counter_electrode_potential_volt', 'float', { averaged: true });
q('<Estack>/V', 'stack_voltage_volt', 'float', { averaged: true });
q('Estack/V', 'stack_voltage_volt');
v('|Estack|/V');
v('|Ece|/V');
v('Analog OUT/V');
q('Analog IN 1/V', 'auxiliary_voltage_volt');
q('Analog IN 2/V', 'auxiliary_voltage_volt');
q('Analog IN 3/V', 'auxiliary_voltage_volt');
v('<E1>/V');
v('<E2>/V');
v('|E1|/V');
v('|E2|/V');

// Current
q('I/mA', 'current_ampere');
q('<I>/mA', 'current_ampere', 'float', { averaged: true });
q('I/A', 'current_ampere');
q('<I>/A', 'current_ampere', 'float', { averaged: true });

// Charge and capacity. Q charge/discharge is reset at every half cycle and is signed
// (negative while discharging) in the corpus; dq/dQ is the charge since the previous point.
q('(Q-Qo)/mA.h', 'net_capacity_ah');
q('(Q-Qo)/C', 'charge_coulomb');
q('dq/mA.h', 'step_net_charge_ah');
q('dQ/mA.h', 'step_net_charge_ah');
v('dQ/C');
q('Q charge/discharge/mA.h', 'half_cycle_capacity_ah');
v('Q charge/mA.h');
v('Q discharge/mA.h');
v('Capacity/mA.h');
v('Q charge/mA.h/g');
v('Q discharge/mA.h/g');
q('Efficiency/%', 'coulombic_efficiency_percent');
v('x');
v('Capacitance charge/µF');
v('Capacitance discharge/µF');

// Energy: Energy charge/discharge reset at every cycle-number increment and hold during the
// other half cycle (checked on gcpl.issue_149/211): the BDF cycle scope.
q('Energy charge/W.h', 'cycle_charging_energy_wh');
q('Energy discharge/W.h', 'cycle_discharging_energy_wh');
q('Energy we-ce charge/W.h', 'cycle_charging_energy_wh');
q('Energy we-ce discharge/W.h', 'cycle_discharging_energy_wh');
v('Energy we charge/W.h');
v('Energy we discharge/W.h');
v('Energy ce charge/W.h');
v('Energy ce discharge/W.h');
v('Energy/W.h');
v('|Energy|/W.h');
v('Energy we/W.h');
v('Energy ce/W.h');
v('Energy we-ce/W.h');

// Power. P/W is Ewe·I (checked: relative difference < 1.1e-7 on gcpl.issue_149 and mb), the
// working-electrode power like Pwe/W; the cell power is Pwe-ce/W = (Ewe-Ece)·I.
q('P/W', 'working_electrode_power_watt');
q('Pwe-ce/W', 'power_watt');
q('Pwe/W', 'working_electrode_power_watt');
q('Pce/W', 'counter_electrode_power_watt');

// Resistances
v('R/Ohm');
v('Rwe/Ohm');
v('Rce/Ohm');
v('Rwe-ce/Ohm');
v('Rcmp/Ohm');
v('Rapp/Ohm');
v('Rac/Ohm');
v('Rdc/Ohm');
v('Acir/Dcir Control', 'int');

// Impedance (working electrode). Phase(Z) is atan2(Im, Re) in degrees already (negative for
// capacitive points in the corpus); only -Im(Z) is negated.
q('freq/Hz', 'frequency_hertz');
q('Re(Z)/Ohm', 'real_impedance_ohm');
q('-Im(Z)/Ohm', 'imaginary_impedance_ohm', 'float', { negate: true });
q('|Z|/Ohm', 'absolute_impedance_ohm');
q('Phase(Z)/deg', 'phase_degree');
q('|Ewe|/V', 'potential_amplitude_volt');
q('|I|/A', 'current_amplitude_ampere');
// Im(Y) has its true sign (positive for capacitive points, checked against -Im(Z)).
q('Re(Y)/Ohm-1', 'real_admittance_siemens');
q('Im(Y)/Ohm-1', 'imaginary_admittance_siemens');
q('|Y|/Ohm-1', 'absolute_admittance_siemens');
v('Phase(Y)/deg');
q('Cs/µF', 'series_capacitance_farad');
q('Cp/µF', 'parallel_capacitance_farad');
v('Cs-2/µF-2');
v('Cp-2/µF-2');
q('Re(Zce)/Ohm', 'counter_electrode_real_impedance_ohm');
q('-Im(Zce)/Ohm', 'counter_electrode_imaginary_impedance_ohm', 'float', { negate: true });
q('|Zce|/Ohm', 'counter_electrode_absolute_impedance_ohm');
q('Phase(Zce)/deg', 'counter_electrode_phase_degree');
q('Re(Zwe-ce)/Ohm', 'cell_real_impedance_ohm');
q('-Im(Zwe-ce)/Ohm', 'cell_imaginary_impedance_ohm', 'float', { negate: true });
q('|Zwe-ce|/Ohm', 'cell_absolute_impedance_ohm');
q('Phase(Zwe-ce)/deg', 'cell_phase_degree');
for (const z of ['Zstack', 'Z1', 'Z2']) {
  v(`Re(${z})/Ohm`);
  v(`-Im(${z})/Ohm`);
  v(`|${z}|/Ohm`);
  v(`Phase(${z})/deg`);
}
// Dielectric representations EC-Lab computes from Z (kept as vendor columns).
for (const n of ['C', 'Conductivity', 'M', 'Permittivity', 'Resistivity']) {
  const unit = n === 'C' ? 'nF' : n === 'Conductivity' ? 'mS/cm' : n === 'Resistivity' ? 'Ohm.cm' : null;
  const u = unit ? `/${unit}` : '';
  v(`Re(${n})${u}`, 'float', { display: `Re(${n})`, unit });
  v(`Im(${n})${u}`, 'float', { display: `Im(${n})`, unit });
  v(`|${n}|${u}`, 'float', { display: `|${n}|`, unit });
  v(`Phase(${n})/deg`);
}
v('Tan(Delta)');
v('Loss Angle(Delta)/deg');
for (const s of ['Ewe', 'I', 'Ece']) {
  v(`THD ${s}/%`);
  v(`NSD ${s}/%`);
  v(`NSR ${s}/%`);
}
for (let h = 2; h <= 7; h++) {
  v(`|Ewe h${h}|/V`);
  v(`|I h${h}|/A`);
  v(`|Ece h${h}|/V`);
}

// Temperature: an unqualified temperature maps to T1 (vocabulary rule).
q('Temperature/°C', 'temperature_t1_celsius');

/**
 * The mapping entry of a Bio-Logic column name, or undefined for names not in the table.
 * @example
 * lookupColumn('-Im(Z)/Ohm'); // { quantity: 'imaginary_impedance_ohm', unit: 'Ohm', negate: true, … }
 */
export function lookupColumn(sourceName: string): ColumnEntry | undefined {
  return T.get(normaliseName(sourceName));
}

/**
 * Greek mu → micro sign, so both spellings find the same entry.
 * @example
 * normaliseName('Cs/\u03bcF'); // 'Cs/µF'
 */
export function normaliseName(name: string): string {
  return name.replace(/\u03bc/g, '\u00b5');
}

/**
 * Every name of the table (for tests and documentation).
 * @example
 * knownColumnNames().includes('time/s'); // true
 */
export function knownColumnNames(): string[] {
  return [...T.keys()];
}
