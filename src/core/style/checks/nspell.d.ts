declare module "nspell" {
  interface NSpell {
    correct(word: string): boolean;
    add(word: string): NSpell;
  }
  function nspell(aff: Uint8Array | string, dic?: Uint8Array | string): NSpell;
  export default nspell;
}
