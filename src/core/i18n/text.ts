/**
 * One way to write French and English: every text a person reads is a `Bilingual` pair, a
 * string or a function of typed parameters in each language, gathered in typed catalogues
 * (one per module, so each bundle carries only its own strings), and read in ONE language
 * through `localize` / `inLang`, which also applies French typography. Nowhere else does code
 * choose between two texts.
 *
 *   const TEXT = catalogue({
 *     saved: { fr: (name: string) => `« ${name} » enregistré.`, en: (name: string) => `"${name}" saved.` },
 *   });
 *   inLang(TEXT, lang).saved(kpi.name);
 */
import type { Lang } from './lang';

export const NBSP = '\u00a0';
export const NNBSP = '\u202f';

/** The same text in both languages: a string, a function building one, or any shape of them. */
export type Bilingual<T = string> = { readonly fr: T; readonly en: T };

/**
 * A catalogue's entries, each checked to give the same shape in both languages: `en` must be
 * what `fr` is (a string, a function with the same parameters…). A missing language fails to compile.
 */
export type Checked<C> = { readonly [K in keyof C]: C[K] extends { fr: infer F } ? Bilingual<F> : never };

/** Declares a catalogue (the identity, with the check above). */
export const catalogue = <C extends Checked<C>>(entries: C): C => entries;

/** One pair whose type is given, where inference would be too wide (tuples): `bilingual<readonly [string, string]>({…})`. */
export const bilingual = <T>(text: Bilingual<T>): Bilingual<T> => text;

/** A catalogue read in one language: the same keys, each holding its text for that language. */
export type InLang<C> = { readonly [K in keyof C]: C[K] extends { fr: infer F } ? F : never };

/**
 * French typography (Imprimerie nationale, as CLDR's French data): a no-break space (U+00A0)
 * before ":" and inside « », a narrow no-break space (U+202F) before ";" "!" "?", a no-break
 * space between a number and "%". It replaces the spaces already there (plain or no-break) and
 * adds none where there is none, so references (`Ventes!B2:B13`), times (08:00) and URLs are
 * untouched. Idempotent.
 */
export function frenchSpacing(s: string): string {
  return s.replace(
    /[ \u00a0\u202f]+([:;!?%»])|[ \u00a0\u202f]*»|«[ \u00a0\u202f]*/g,
    (all: string, mark: string | undefined, at: number) => {
      if (mark === undefined) return all.startsWith('«') ? `«${NBSP}` : `${NBSP}»`;
      if (mark === '%') return /\d/.test(s.charAt(at - 1)) ? `${NBSP}%` : all;
      return `${mark === ':' || mark === '»' ? NBSP : NNBSP}${mark}`;
    },
  );
}

/** A value in French gets French typography in every string it holds or returns. */
function typeset(value: unknown): unknown {
  if (typeof value === 'string') return frenchSpacing(value);
  if (typeof value === 'function') return (...args: unknown[]) => typeset(value(...args));
  if (Array.isArray(value)) return value.map(typeset);
  if (typeof value === 'object' && value !== null)
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, typeset(v)]));
  return value;
}

/** One text in one language: `localize(TEXT.saved, lang)(name)`. */
export function localize<T>(text: Bilingual<T>, lang: Lang): T {
  // typeset keeps the shape of what it is given (strings stay strings, functions functions).
  return lang === 'fr' ? (typeset(text.fr) as T) : text.en;
}

const views: Record<Lang, WeakMap<object, unknown>> = { fr: new WeakMap(), en: new WeakMap() };

/** A whole catalogue in one language (built once per catalogue and language). */
export function inLang<C extends Record<string, Bilingual<unknown>>>(entries: C & Checked<C>, lang: Lang): InLang<C> {
  const cached = views[lang].get(entries);
  if (cached) return cached as InLang<C>;
  const view = Object.fromEntries(
    Object.entries(entries).map(([key, text]) => [key, localize(text, lang)]),
  ) as InLang<C>; // the same keys, each entry's text in `lang`
  views[lang].set(entries, view);
  return view;
}
