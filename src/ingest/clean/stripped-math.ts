/**
 * Finds formulas whose backslashes the scrape stripped (`sum_{i=1}^{n} (alpha_i cdot x_i)`,
 * `ell_1`) and turns them back into TeX. Detection works on whitespace-separated tokens: a run
 * of math-looking tokens becomes a formula if at least one of them is unmistakably math.
 */

/** Greek letter names: alone, in a sentence that has math, they are math (`alpha` → `\alpha`). */
const GREEK = [
  'alpha',
  'beta',
  'gamma',
  'delta',
  'epsilon',
  'varepsilon',
  'zeta',
  'eta',
  'theta',
  'kappa',
  'lambda',
  'mu',
  'nu',
  'xi',
  'pi',
  'rho',
  'sigma',
  'tau',
  'phi',
  'varphi',
  'chi',
  'psi',
  'omega',
  'Gamma',
  'Delta',
  'Theta',
  'Lambda',
  'Sigma',
  'Phi',
  'Psi',
  'Omega',
];

/** Other command names the scrape strips the backslash from; alone they may be English (`sum`, `max`). */
const OPERATORS = [
  'ell',
  'sum',
  'prod',
  'int',
  'cdot',
  'times',
  'frac',
  'sqrt',
  'tanh',
  'sinh',
  'cosh',
  'sin',
  'cos',
  'exp',
  'log',
  'max',
  'min',
  'infty',
  'partial',
  'nabla',
  'leq',
  'geq',
  'neq',
];

/** Command names that lost their backslash; restored inside a detected formula. */
const COMMANDS = [...GREEK, ...OPERATORS];
const NAME = COMMANDS.join('|');

/** Unmistakable math: a command name with a sub/superscript, `cdot`, or `^{…}`. */
const STRONG = new RegExp(`(?:^|[^A-Za-z\\\\])(?:(?:${NAME})[_^]|cdot(?![A-Za-z]))|[_^]\\{`);
/** A symbol: a command name or one letter, with optional `_…` and `^…` scripts. */
const SYMBOL = `(?:${NAME}|[A-Za-z])(?:_(?:\\{[^}]*\\}|\\w+))?(?:\\^(?:\\{[^}]*\\}|\\w+))?`;
/** Could be math inside a formula: operators, numbers, symbols, function applications. */
const WEAK = new RegExp(`^[(\\[]*(?:[=+\\-*/<>]|\\d+(?:\\.\\d+)?|${SYMBOL}(?:\\(.*)?)[)\\]]*$`);
/** One-letter English words that must never start or join a formula. */
const ENGLISH_LETTERS = new Set(['a', 'A', 'I']);

/** One piece of a paragraph: prose, or a formula restored to TeX. */
export type MathPiece = { kind: 'text'; value: string } | { kind: 'math'; tex: string };

/** Adds the stripped backslashes back to the command names of a formula. */
export function restoreBackslashes(formula: string): string {
  return formula.replace(new RegExp(`(?<![A-Za-z\\\\])(${NAME})(?![A-Za-z])`, 'g'), '\\$1');
}

function isStrong(token: string): boolean {
  return STRONG.test(token);
}

function isWeak(token: string): boolean {
  return !ENGLISH_LETTERS.has(token) && (WEAK.test(token) || isStrong(token));
}

/**
 * Splits prose into text and formula pieces. Trailing commas and full stops stay prose; a bare
 * Greek name (`delta`) becomes math only in a sentence that already holds a formula, so that
 * "the delta rule" stays words.
 */
export function findStrippedMath(text: string): MathPiece[] {
  // Tokens keep their trailing whitespace so that joining them gives back the text exactly.
  const tokens = text.match(/^\s+|\S+\s*/g) ?? [];
  const pieces: MathPiece[] = [];
  const pushText = (value: string) => {
    const last = pieces.at(-1);
    if (last?.kind === 'text') last.value += value;
    else if (value) pieces.push({ kind: 'text', value });
  };
  const sentenceHasMath = sentenceFlags(tokens);

  let i = 0;
  while (i < tokens.length) {
    // Grow a run of math-looking tokens; a token ending in , . ; : closes the run after it.
    let j = i;
    let strong = false;
    while (j < tokens.length) {
      const { core } = splitPunctuation(tokens[j]!);
      if (!core || !isWeak(core)) break;
      strong ||= isStrong(core) || (sentenceHasMath[j]! && GREEK.includes(core));
      j++;
      if (core !== tokens[j - 1]!.trim()) break;
    }
    // A formula does not start or end on an operator; trim those back to prose.
    while (j > i && /^[=+\-*/]$/.test(splitPunctuation(tokens[j - 1]!).core)) j--;
    if (strong && j > i) {
      const run = tokens.slice(i, j);
      const last = run.at(-1)!;
      const { core, rest } = splitPunctuation(last);
      const formula = run.slice(0, -1).join('') + core;
      pieces.push({ kind: 'math', tex: restoreBackslashes(formula.trim()) });
      pushText(rest);
      i = j;
    } else {
      pushText(tokens[i]!);
      i++;
    }
  }
  return pieces;
}

/** Splits a token into its content and the trailing punctuation/whitespace that is not math. */
function splitPunctuation(token: string): { core: string; rest: string } {
  const match = /^(.*?)([,.;:]?\s*)$/s.exec(token)!;
  return { core: match[1]!, rest: match[2]! };
}

/** For each token, whether its sentence contains an unmistakable formula. */
function sentenceFlags(tokens: string[]): boolean[] {
  const flags: boolean[] = [];
  let start = 0;
  tokens.forEach((token, i) => {
    if (/[.!?]\s*$/.test(token) || i === tokens.length - 1) {
      const hasMath = tokens.slice(start, i + 1).some((t) => isStrong(t));
      for (let k = start; k <= i; k++) flags.push(hasMath);
      start = i + 1;
    }
  });
  return flags;
}
