/**
 * Circuit strings in impedance.py's syntax: `-` joins in series, `p(a,b,…)` in parallel,
 * element tokens are a type plus an identifier (`R0`, `CPE_1`, `Wo1`). Parsing gives a tree,
 * the parameter list (names, units, default bounds) and a compiled evaluator that reuses
 * its buffers, so fitting allocates nothing per call.
 */
import { AnalysisError } from '@echemkit/core';
import { elementNames, elements, type ElementType } from './elements.js';

/** A node of a parsed circuit. */
export type CircuitNode =
  | { kind: 'element'; token: string; type: string; offset: number }
  | { kind: 'series'; children: CircuitNode[] }
  | { kind: 'parallel'; children: CircuitNode[] };

/** A parsed circuit. */
export interface Circuit {
  /** The circuit string without whitespace. */
  text: string;
  root: CircuitNode;
  /** All parameter names in order (`R0`, `CPE1_0`, `CPE1_1` …), constants included. */
  names: string[];
  /** Unit of each parameter. */
  units: string[];
  /** Default bounds of each parameter. */
  bounds: [number, number][];
  /** Element tokens in order of appearance. */
  tokens: string[];
}

const fail = (message: string, expected?: string, hint?: string): never => {
  throw new AnalysisError(message, { format: 'eis.circuit', expected, hint });
};

/**
 * Element type of a token: the token with digits and underscores removed (impedance.py rule).
 * @example
 * elementTypeOf('CPE_12'); // 'CPE'
 */
export function elementTypeOf(token: string): string {
  return token.replace(/[0-9_]/g, '');
}

/**
 * Parses a circuit string.
 * @example
 * const c = parseCircuit('R0-p(R1,CPE1)-Wo1');
 * c.names; // ['R0', 'R1', 'CPE1_0', 'CPE1_1', 'Wo1_0', 'Wo1_1']
 */
export function parseCircuit(circuit: string): Circuit {
  const text = circuit.replace(/\s+/g, '');
  if (!text) fail('empty circuit string', 'a circuit such as R0-p(R1,C1)');
  let pos = 0;
  const names: string[] = [];
  const units: string[] = [];
  const bounds: [number, number][] = [];
  const tokens: string[] = [];

  const parseSeries = (): CircuitNode => {
    const children: CircuitNode[] = [parseTerm()];
    while (text[pos] === '-') {
      pos++;
      children.push(parseTerm());
    }
    return children.length === 1 ? children[0]! : { kind: 'series', children };
  };

  const parseTerm = (): CircuitNode => {
    if (text[pos] === 'p' && text[pos + 1] === '(') {
      pos += 2;
      const children: CircuitNode[] = [parseSeries()];
      while (text[pos] === ',') {
        pos++;
        children.push(parseSeries());
      }
      if (text[pos] !== ')') fail(`unbalanced parentheses in circuit "${text}" at character ${pos + 1}`, "')'", `found ${text[pos] ?? 'end of string'}`);
      pos++;
      return children.length === 1 ? children[0]! : { kind: 'parallel', children };
    }
    const m = /^[A-Za-z][A-Za-z0-9_]*/.exec(text.slice(pos));
    if (!m) fail(`empty or invalid sub-circuit in "${text}" at character ${pos + 1}`, 'an element such as R1 or p(…)');
    const token = m![0];
    pos += token.length;
    const type = elementTypeOf(token);
    const el: ElementType | undefined = elements.get(type);
    if (!el) fail(`unknown element type "${type}" (token ${token})`, elementNames.join(', '));
    if (tokens.includes(token)) fail(`element token ${token} appears twice`, 'unique element tokens', 'number repeated elements, e.g. R1, R2');
    tokens.push(token);
    const offset = names.length;
    const k = el!.units.length;
    for (let i = 0; i < k; i++) {
      names.push(k === 1 ? token : `${token}_${i}`);
      units.push(el!.units[i]!);
      bounds.push([...el!.bounds[i]!] as [number, number]);
    }
    return { kind: 'element', token, type, offset };
  };

  const root = parseSeries();
  if (pos !== text.length) fail(`unexpected "${text[pos]}" in circuit "${text}" at character ${pos + 1}`, "'-', ',' or ')'", 'check the parentheses');
  return { text, root, names, units, bounds, tokens };
}

/** A compiled evaluator: Z(ω) of the circuit for a full parameter vector. */
export interface CircuitEvaluator {
  /** Angular frequencies it evaluates at. */
  readonly omega: Float64Array;
  /** Computes Z for all parameters `p` (length = circuit.names.length); results in re/im (reused buffers). */
  eval(p: ArrayLike<number>): { re: Float64Array; im: Float64Array };
}

/**
 * Compiles a circuit for a fixed frequency list (Hz).
 * @example
 * const ev = compileCircuit(parseCircuit('R0-p(R1,C1)'), [1, 10, 100]);
 * const { re, im } = ev.eval([10, 100, 1e-4]);
 */
export function compileCircuit(circuit: Circuit, frequencies: ArrayLike<number>): CircuitEvaluator {
  const n = frequencies.length;
  const omega = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const f = frequencies[i]!;
    if (!(f > 0) || !Number.isFinite(f)) {
      throw new AnalysisError(`frequency ${f} Hz at point ${i} is not a positive finite number`, { format: 'eis', expected: 'f > 0', hint: 'remove zero or missing frequencies before fitting' });
    }
    omega[i] = 2 * Math.PI * f;
  }
  type Fn = (p: ArrayLike<number>) => void;
  // Each node writes into its own buffers; built once.
  const build = (node: CircuitNode): { re: Float64Array; im: Float64Array; run: Fn } => {
    const re = new Float64Array(n);
    const im = new Float64Array(n);
    if (node.kind === 'element') {
      const el = elements.get(node.type)!;
      const off = node.offset;
      return { re, im, run: (p) => el.eval(p, off, omega, re, im) };
    }
    const kids = node.children.map(build);
    if (node.kind === 'series') {
      return {
        re,
        im,
        run: (p) => {
          re.fill(0);
          im.fill(0);
          for (const k of kids) {
            k.run(p);
            for (let i = 0; i < n; i++) {
              re[i] += k.re[i]!;
              im[i] += k.im[i]!;
            }
          }
        },
      };
    }
    return {
      re,
      im,
      run: (p) => {
        // Sum admittances, then invert.
        re.fill(0);
        im.fill(0);
        for (const k of kids) {
          k.run(p);
          for (let i = 0; i < n; i++) {
            const a = k.re[i]!;
            const b = k.im[i]!;
            const d = a * a + b * b;
            re[i] += a / d;
            im[i] -= b / d;
          }
        }
        for (let i = 0; i < n; i++) {
          const a = re[i]!;
          const b = im[i]!;
          const d = a * a + b * b;
          re[i] = a / d;
          im[i] = -b / d;
        }
      },
    };
  };
  const top = build(circuit.root);
  return {
    omega,
    eval(p) {
      top.run(p);
      return { re: top.re, im: top.im };
    },
  };
}

/**
 * Impedance of a circuit at frequencies (Hz) for a full parameter vector.
 * @example
 * const z = predictCircuit('R0-p(R1,C1)', [10, 100, 1e-4], [1, 10, 100]);
 */
export function predictCircuit(circuit: string | Circuit, params: ArrayLike<number>, frequencies: ArrayLike<number>): { re: Float64Array; im: Float64Array } {
  const c = typeof circuit === 'string' ? parseCircuit(circuit) : circuit;
  if (params.length !== c.names.length) {
    throw new AnalysisError(`circuit ${c.text} has ${c.names.length} parameters, got ${params.length}`, { format: 'eis.circuit', expected: c.names.join(', ') });
  }
  const { re, im } = compileCircuit(c, frequencies).eval(params);
  return { re: re.slice(), im: im.slice() };
}
