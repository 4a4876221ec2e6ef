// Minimal typing of the part of xml2js we use (the package ships no declarations).
declare module 'xml2js/lib/parser.js' {
  export interface ParserOptions {
    explicitChildren?: boolean;
    preserveChildrenOrder?: boolean;
    explicitArray?: boolean;
    charsAsChildren?: boolean;
    async?: boolean;
    strict?: boolean;
  }
  export function parseString(xml: string, options: ParserOptions, callback: (err: Error | null, result: unknown) => void): void;
}
