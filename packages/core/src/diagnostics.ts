/** vfile messages ⇄ document diagnostics. */
import type { VFile } from 'vfile';
import type { VFileMessage } from 'vfile-message';
import type { DiagnosticInit } from './plugin.js';
import type { Diagnostic, Place } from './types.js';

type Tagged = VFileMessage & { echemkitPlace?: Place; echemkitSeverity?: Diagnostic['severity'] };

/** Records a diagnostic on the file as a vfile message (warning, or info when `info` is true). */
export function report(file: VFile, source: string, message: string, init: DiagnosticInit, severity: Diagnostic['severity'] = 'warning'): void {
  const msg = file.message(message, { ruleId: init.ruleId, source }) as Tagged;
  msg.fatal = severity === 'error' ? true : severity === 'warning' ? false : undefined;
  const place: Place = {};
  if (init.offset !== undefined) place.offset = init.offset;
  if (init.line !== undefined) place.line = init.line;
  if (init.column !== undefined) place.column = init.column;
  if (init.record !== undefined) place.record = init.record;
  if (Object.keys(place).length) msg.echemkitPlace = place;
  if (init.expected !== undefined) msg.expected = [init.expected];
  if (init.actual !== undefined) msg.actual = init.actual;
  if (init.note !== undefined) msg.note = init.note;
  msg.echemkitSeverity = severity;
}

/** Converts the file's messages into schema diagnostics. */
export function toDiagnostics(file: VFile): Diagnostic[] {
  return file.messages.map((m) => {
    const t = m as Tagged;
    const d: Diagnostic = {
      severity: t.echemkitSeverity ?? (m.fatal === true ? 'error' : m.fatal === false ? 'warning' : 'info'),
      ruleId: m.ruleId ?? 'unspecified',
      source: m.source ?? 'echemkit',
      message: m.reason,
    };
    if (t.echemkitPlace) d.place = t.echemkitPlace;
    else if (m.place && 'line' in m.place && m.place.line) d.place = { line: m.place.line, ...(m.place.column ? { column: m.place.column } : {}) };
    if (m.expected?.length) d.expected = m.expected.join(' or ');
    if (m.actual !== undefined) d.actual = m.actual;
    if (m.note !== undefined) d.note = m.note;
    return d;
  });
}
