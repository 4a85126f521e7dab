// The characters tag text is drawn from.
import fc from 'fast-check';

/**
 * The characters every AWS service allows in tags (letters, digits, space, `+ - = . _ : / @`): text
 * that survives any wire, any XML and any other service's stricter rules. EC2 itself allows more.
 */
export const PORTABLE_CHARACTERS = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789 +-=._:/@';

/** Which characters tag text uses: `portable` ({@link PORTABLE_CHARACTERS}) or any well-formed `unicode` code point. */
export type TagCharacters = 'portable' | 'unicode';

const portableUnit = fc.constantFrom(...PORTABLE_CHARACTERS);

/** Text of `minLength..maxLength` code points of the given characters. */
export function tagText(characters: TagCharacters, minLength: number, maxLength: number): fc.Arbitrary<string> {
  return fc.string({ unit: characters === 'portable' ? portableUnit : 'binary', minLength, maxLength });
}
