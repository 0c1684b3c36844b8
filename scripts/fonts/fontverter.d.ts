/** fontverter ships no types: the two functions the font script and its test use. */
declare module 'fontverter' {
  export function convert(font: Uint8Array, to: 'sfnt' | 'woff' | 'woff2' | 'truetype', from?: string): Promise<Buffer>;
  export function detectFormat(font: Uint8Array): 'sfnt' | 'woff' | 'woff2';
}
