/** The part of xml2js this package uses (the package ships no types). */
declare module 'xml2js' {
  export function parseString(xml: string, options: Record<string, unknown>, callback: (err: Error | null, result: unknown) => void): void;
}
