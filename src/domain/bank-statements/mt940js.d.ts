// mt940js ships no types: the one class we call, with its output left to mt940.ts to describe.
declare module 'mt940js' {
  export class Parser {
    parse(data: string, withTags?: boolean): unknown[];
  }
}
