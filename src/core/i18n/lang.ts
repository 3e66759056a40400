/** The two languages Boussole speaks. French first: the product was specified for French SMEs. */
export type Lang = 'fr' | 'en';

/** Picks the language from a Sheets locale such as "fr_FR", "fr_CA" or "en_US"; French only for fr_*. */
export function langFromLocale(locale: string | null | undefined): Lang {
  return typeof locale === 'string' && /^fr([_-]|$)/i.test(locale.trim()) ? 'fr' : 'en';
}
