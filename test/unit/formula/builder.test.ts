import fc from 'fast-check';
import {
  add,
  array,
  COMMA_SYNTAX,
  call,
  concat,
  div,
  type Expr,
  eq,
  F,
  FormulaBuildError,
  formula,
  ge,
  gt,
  mul,
  ne,
  neg,
  num,
  omitted,
  parseFormula,
  pow,
  ref,
  renderExpr,
  SEMICOLON_SYNTAX,
  sub,
  syntaxForLocale,
  text,
} from '../../../src/core/formula';

const en = COMMA_SYNTAX;
const fr = SEMICOLON_SYNTAX;

describe('syntaxForLocale: the 28 comma locales of Sheets, the rest semicolon (SO 73767719)', () => {
  it.each([
    'fr_FR',
    'de_DE',
    'it_IT',
    'es_ES',
    'pt_BR',
    'pt_PT',
    'nl_NL',
    'tr_TR',
    'ru_RU',
    'pl_PL',
    'fr_CA',
    'ca_ES',
    'es_AR',
    'sv_SE',
    'fr-FR',
    'fr',
    'de',
    '',
  ])('%s uses ";" "," "\\"', (locale) => {
    expect(syntaxForLocale(locale)).toEqual(fr);
  });

  it.each([
    'en_US',
    'en_GB',
    'cy_GB',
    'en_AU',
    'en_IE',
    'en_CA',
    'en_IN',
    'hi_IN',
    'ta_IN',
    'ja_JP',
    'ko_KR',
    'zh_CN',
    'zh_TW',
    'zh_HK',
    'th_TH',
    'iw_IL',
    'es_MX',
    'de_CH',
    'ar_EG',
    'en_PH',
    'mn_MN',
    'my_MM',
    'en-US',
    'en',
  ])('%s uses "," "." ","', (locale) => {
    expect(syntaxForLocale(locale)).toEqual(en);
  });

  it('reads nothing from a missing locale but the safer semicolon group', () => {
    expect(syntaxForLocale(null)).toEqual(fr);
    expect(syntaxForLocale(undefined)).toEqual(fr);
  });
});

describe('render: the documented examples of each group (Ben Collins, "Sheets location")', () => {
  const example = F.IF(
    gt(ref('A1'), 0.5),
    array([
      [1, 2],
      [3, 4],
    ]),
    '',
  );

  it('writes separators and decimals for the syntax', () => {
    expect(formula(example, en)).toBe('=IF(A1>0.5,{1,2;3,4},"")');
    expect(formula(example, fr)).toBe('=IF(A1>0,5;{1\\2;3\\4};"")');
  });

  it('writes references, sheet names and text the same in every locale', () => {
    const f = F.SUM(ref("'Ventes 2025'!B2:B13"), ref('Feuille1!C:C'), ref('$D$2:D'));
    expect(formula(f, en)).toBe("=SUM('Ventes 2025'!B2:B13,Feuille1!C:C,$D$2:D)");
    expect(formula(f, fr)).toBe("=SUM('Ventes 2025'!B2:B13;Feuille1!C:C;$D$2:D)");
    expect(formula(concat('a;b,c', ref('B1'), 'say "hi"'), fr)).toBe('="a;b,c"&B1&"say ""hi"""');
  });

  it('writes omitted arguments and zero-argument calls', () => {
    expect(formula(F.IF(ref('A1'), omitted, 1), fr)).toBe('=IF(A1;;1)');
    expect(formula(F.TODAY(), en)).toBe('=TODAY()');
  });

  it('writes numbers without exponents, in the syntax', () => {
    expect(renderExpr(num(1234.5), fr)).toBe('1234,5');
    expect(renderExpr(num(1e-7), en)).toBe('0.0000001');
    expect(renderExpr(num(1e-7), fr)).toBe('0,0000001');
    expect(renderExpr(num(-0), en)).toBe('0');
    expect(renderExpr(num(123456789012), en)).toBe('123456789012');
    expect(() => num(Number.NaN)).toThrow(FormulaBuildError);
    expect(() => num(Number.POSITIVE_INFINITY)).toThrow(FormulaBuildError);
    expect(() => renderExpr(num(1e21), en)).toThrow(FormulaBuildError);
  });

  it('adds the parentheses precedence needs, and those engines could read differently', () => {
    expect(formula(mul(add(1, 2), 3), en)).toBe('=(1+2)*3');
    expect(formula(add(1, mul(2, 3)), en)).toBe('=1+2*3');
    expect(formula(sub(sub(1, 2), 3), en)).toBe('=1-2-3');
    expect(formula(sub(1, sub(2, 3)), en)).toBe('=1-(2-3)');
    expect(formula(div(1, mul(2, 3)), en)).toBe('=1/(2*3)');
    expect(formula(pow(neg(2), 2), en)).toBe('=(-2)^2');
    expect(formula(pow(-2, 2), en)).toBe('=(-2)^2');
    expect(formula(pow(pow(2, 3), 2), en)).toBe('=(2^3)^2');
    expect(formula(mul(2, neg(ref('A1'))), en)).toBe('=2*(-A1)');
    expect(formula(sub(ref('A1'), -5), en)).toBe('=A1-(-5)');
    expect(formula(neg(add(1, 2)), en)).toBe('=-(1+2)');
    expect(formula(eq(eq(1, 2), 3), en)).toBe('=(1=2)=3');
    expect(formula(ne(concat(ref('A1'), 'x'), ''), en)).toBe('=A1&"x"<>""');
    expect(formula(concat(add(1, 2), 'x'), en)).toBe('=1+2&"x"');
    expect(formula(ge(mul(ref('A1'), -1), 0), fr)).toBe('=A1*(-1)>=0');
  });

  it('refuses what is not a reference, a function name or a rectangular array', () => {
    expect(() => ref('A1;B2')).toThrow(FormulaBuildError);
    expect(() => ref('my sheet!A1')).toThrow(FormulaBuildError);
    expect(() => ref('=A1')).toThrow(FormulaBuildError);
    expect(() => call('SUM(1)')).toThrow(FormulaBuildError);
    expect(() => array([[1, 2], [3]])).toThrow(FormulaBuildError);
    expect(() => array([])).toThrow(FormulaBuildError);
  });

  it('accepts every kind of A1 reference Sheets writes', () => {
    for (const a1 of [
      'A1',
      'a1',
      '$A$1',
      'B2:D13',
      'A:A',
      'A:C',
      'A2:A',
      '2:2',
      '2:5',
      "'L''été'!A1",
      'Sheet_1.x!B2:B',
    ])
      expect(formula(ref(a1), en)).toBe(`=${a1}`);
  });
});

describe('parse: strict, as Sheets reads a formula in its locale', () => {
  const ok = (f: string, syntax = en) => {
    const r = parseFormula(f, syntax);
    if (!r.ok) throw new Error(`${f}: ${r.error} at ${r.at}`);
    return r.expr;
  };
  const bad = (f: string, syntax = en) => expect(parseFormula(f, syntax).ok).toBe(false);

  it('reads each syntax and rejects the other one', () => {
    expect(renderExpr(ok('=SUM(A1,B1)'), fr)).toBe('SUM(A1;B1)');
    bad('=SUM(A1;B1)', en);
    bad('=SUM(A1,B1)', fr);
    bad('=ROUND(A1,2)', fr);
    bad('=0.5', fr);
    bad('={1\\2}', en);
    expect(ok('=SUM(1,5;2)', fr)).toEqual({
      kind: 'call',
      fn: 'SUM',
      args: [
        { kind: 'number', value: 1.5 },
        { kind: 'number', value: 2 },
      ],
    });
    // In a semicolon locale "1,2" is a number: the silent ambiguity the builder avoids by construction.
    expect(ok('={1,2}', fr)).toEqual({ kind: 'array', rows: [[{ kind: 'number', value: 1.2 }]] });
    expect(ok('={1\\2;3\\4}', fr)).toEqual({
      kind: 'array',
      rows: [
        [num(1), num(2)],
        [num(3), num(4)],
      ],
    });
  });

  it('reads references, names, booleans, errors, percents, omitted arguments and spaces', () => {
    expect(ok("= IF( 'Ventes 2025'!B2:B , #N/A , TRUE ) ")).toEqual(
      call('IF', ref("'Ventes 2025'!B2:B"), { kind: 'error', code: '#N/A' }, true),
    );
    expect(ok('=IF(A1,,1)')).toEqual(call('IF', ref('A1'), omitted, 1));
    expect(ok('=Objectifs')).toEqual({ kind: 'name', name: 'Objectifs' });
    expect(ok('=LOG10(A1)')).toEqual(call('LOG10', ref('A1')));
    expect(ok('=kpi_trend(a2:a5)')).toEqual(call('KPI_TREND', ref('a2:a5')));
    expect(ok('=5%')).toEqual({ kind: 'percent', arg: num(5) });
    expect(ok('=-2^2')).toEqual(pow(neg(2), 2));
    expect(ok('="a""b"')).toEqual(text('a"b'));
    expect(ok('=1E-3+.5')).toEqual(add(0.001, 0.5));
  });

  it('rejects what Sheets cannot read', () => {
    for (const f of [
      '=',
      '=SUM(',
      '=1+',
      '=)',
      '=(1',
      '="abc',
      '={1,2;3}',
      '=A1 B1',
      '=1..2',
      '=SUM(1)(2)',
      'SUM(1)',
      '=@x',
    ])
      bad(f);
  });

  const leaf = fc.oneof(
    fc.integer({ min: 0, max: 10_000 }).map((n) => num(n)),
    fc.double({ min: 0.001, max: 1e6, noNaN: true }).map((n) => num(Math.round(n * 1000) / 1000)),
    fc.string({ maxLength: 6 }).map((s) => text(s)),
    fc.boolean().map((b) => ({ kind: 'boolean', value: b }) as Expr),
    fc.constantFrom('A1', '$B$2:C9', "'Feuille 1'!A2:A", '2:2', 'D:D').map((a) => ref(a)),
  );
  const tree: fc.Arbitrary<Expr> = fc.letrec<{ e: Expr }>((tie) => ({
    e: fc.oneof(
      { depthSize: 'small', withCrossShrink: true },
      leaf,
      fc
        .tuple(fc.constantFrom('+', '-', '*', '/', '^', '&', '=', '<>', '<=', '>'), tie('e'), tie('e'))
        .map(([op, l, r]) => ({ kind: 'binary', op, left: l, right: r }) as Expr),
      tie('e').map((x) => neg(x)),
      fc
        .tuple(fc.constantFrom('IF', 'SUM', 'MIN'), fc.array(tie('e'), { minLength: 1, maxLength: 3 }))
        .map(([fn, a]) => call(fn, ...a)),
    ),
  })).e;

  it('renders what it reads back, in both syntaxes (property)', () => {
    fc.assert(
      fc.property(tree, fc.constantFrom(en, fr), (e, syntax) => {
        const once = formula(e, syntax);
        const back = parseFormula(once, syntax);
        expect(back.ok).toBe(true);
        if (back.ok) expect(formula(back.expr, syntax)).toBe(once);
      }),
      { numRuns: 400 },
    );
  });

  it('a formula rendered for one group with two references in a call never parses in the other (property)', () => {
    fc.assert(
      fc.property(tree, fc.constantFrom('A1', 'B2:B9'), (e, a1) => {
        const f = F.SUM(ref(a1), e);
        expect(parseFormula(formula(f, en), fr).ok).toBe(false);
        expect(parseFormula(formula(f, fr), en).ok).toBe(false);
      }),
      { numRuns: 200 },
    );
  });
});
