import { catalogue, frenchSpacing, inLang, localize } from '../../../src/core/i18n/text';

const NBSP = '\u00a0';
const NNBSP = '\u202f';

describe('French typography', () => {
  test('no-break space before a colon, narrow no-break space before ; ! ?, no-break spaces inside « »', () => {
    expect(frenchSpacing('Nom : obligatoire ; vraiment ? Oui !')).toBe(
      `Nom${NBSP}: obligatoire${NNBSP}; vraiment${NNBSP}? Oui${NNBSP}!`,
    );
    expect(frenchSpacing('« Ventes » et «CA»')).toBe(`«${NBSP}Ventes${NBSP}» et «${NBSP}CA${NBSP}»`);
    expect(frenchSpacing('12 % de 5 %')).toBe(`12${NBSP}% de 5${NBSP}%`);
  });

  test('replaces the wrong space, adds none where there is none (references, times, URLs)', () => {
    expect(frenchSpacing(`a${NNBSP}: b${NBSP}; c  ?`)).toBe(`a${NBSP}: b${NNBSP}; c${NNBSP}?`);
    expect(frenchSpacing("'Ventes 2024'!B2:B13 à 08:00, https://exemple.fr?x=1")).toBe(
      "'Ventes 2024'!B2:B13 à 08:00, https://exemple.fr?x=1",
    );
  });

  test('idempotent', () => {
    const once = frenchSpacing('Erreur : « x » ; encore ? 5 %');
    expect(frenchSpacing(once)).toBe(once);
  });
});

describe('catalogues', () => {
  const TEXT = catalogue({
    title: { fr: 'Statut : prêt', en: 'Status: ready' },
    saved: {
      fr: (name: string) => `« ${name} » enregistré ; merci !`,
      en: (name: string) => `"${name}" saved; thanks!`,
    },
    words: { fr: { on: 'actif ?', off: 'inactif' }, en: { on: 'on?', off: 'off' } },
    steps: { fr: ['Objectif : un', 'Données'], en: ['Objective: one', 'Data'] },
  });

  test('read in one language; French gets its typography in strings, results of functions, records and lists', () => {
    const fr = inLang(TEXT, 'fr');
    expect(fr.title).toBe(`Statut${NBSP}: prêt`);
    expect(fr.saved('KPI')).toBe(`«${NBSP}KPI${NBSP}» enregistré${NNBSP}; merci${NNBSP}!`);
    expect(fr.words.on).toBe(`actif${NNBSP}?`);
    expect(fr.steps).toEqual([`Objectif${NBSP}: un`, 'Données']);
    const en = inLang(TEXT, 'en');
    expect(en.title).toBe('Status: ready');
    expect(en.saved('KPI')).toBe('"KPI" saved; thanks!');
    expect(inLang(TEXT, 'fr')).toBe(fr); // built once per catalogue and language
    expect(localize(TEXT.title, 'en')).toBe('Status: ready');
  });

  test('a language missing, or a different shape in English, does not compile', () => {
    // @ts-expect-error: no English
    catalogue({ a: { fr: 'a' } });
    // @ts-expect-error: English takes no parameter where French takes one
    catalogue({ b: { fr: (n: number) => `${n}`, en: 'b' } });
    expect(true).toBe(true);
  });
});
