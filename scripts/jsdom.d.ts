/**
 * The little of jsdom that scripts/bench-html.ts uses. (@types/jsdom pulls the
 * DOM library into the whole project's types, which Beleg does not use.)
 */
declare module 'jsdom' {
  export class JSDOM {
    constructor(html: string, options?: { url?: string });
    readonly window: { readonly document: unknown; close(): void };
  }
}
