/** Finds the column header line of a LANDdt text export and its delimiter. */
import { landHeaderScore } from '../export/header-names.js';

export interface LandHeaderLine {
  /** 0-based index in the lines given. */
  index: number;
  delimiter: string;
  fields: string[];
}

const DELIMITERS = ['\t', ',', ';'];

/** Splits a line, stripping the quotes of quoted fields ("a","b"). */
export function splitFields(line: string, delimiter: string): string[] {
  return line.split(delimiter).map((f) => {
    const t = f.trim();
    return t.length >= 2 && t.startsWith('"') && t.endsWith('"') ? t.slice(1, -1) : t;
  });
}

/**
 * The first line (of `lines`) that reads as a LANDdt record header: voltage and current
 * columns written `Name/unit` plus at least one more known column.
 */
export function findLandHeader(lines: readonly string[]): LandHeaderLine | undefined {
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    for (const d of DELIMITERS) {
      if (!line.includes(d)) continue;
      const fields = splitFields(line, d);
      if (fields.length < 3) continue;
      const s = landHeaderScore(fields);
      // LANDdt writes units after a slash (`Voltage/V`, `电流/mA`); other vendors' parentheses or brackets do not count here.
      const slashVoltage = fields.some((f) => /^(voltage|电压)\s*\//i.test(f));
      const slashCurrent = fields.some((f) => /^(current|电流)\s*\//i.test(f));
      if (s.known >= 3 && s.hasVoltage && s.hasCurrent && slashVoltage && slashCurrent) return { index: i, delimiter: d, fields };
    }
  }
  return undefined;
}
