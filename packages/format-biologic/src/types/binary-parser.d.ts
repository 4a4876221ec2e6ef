// binary-parser ships declarations its package.json "exports" does not expose to
// moduleResolution "bundler"; this declares the part of its API we use.
declare module 'binary-parser' {
  export class Parser {
    constructor();
    endianness(e: 'little' | 'big'): Parser;
    string(name: string, options: { length: number; encoding?: string; stripNull?: boolean }): Parser;
    uint8(name: string): Parser;
    uint16(name: string): Parser;
    uint32(name: string): Parser;
    floatle(name: string): Parser;
    doublele(name: string): Parser;
    parse(buffer: Uint8Array): unknown;
  }
}
