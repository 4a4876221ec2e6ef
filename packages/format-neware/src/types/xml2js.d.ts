/** The part of xml2js this package uses: its parser module (the package ships no types). */
declare module 'xml2js/lib/parser.js' {
  export function parseString(xml: string, options: Record<string, unknown>, callback: (err: Error | null, result: unknown) => void): void;
}
/** The package entry (the tests compare the reader with it). */
declare module 'xml2js' {
  export function parseString(xml: string, options: Record<string, unknown>, callback: (err: Error | null, result: unknown) => void): void;
}
