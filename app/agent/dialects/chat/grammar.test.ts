import { describe, expect, it } from 'vitest';
import { admitsPlannerOutput, PLANNER_GRAMMAR, plannerGrammar } from './grammar';

/**
 * A tiny EBNF sanity check: rule names, what each rule body references (string literals,
 * character classes and comments removed), and what is left over that should not be.
 */
function inspectEbnf(ebnf: string) {
  const rules = new Map<string, string>();
  const duplicates: string[] = [];
  let current: string | undefined;
  for (const line of ebnf.split('\n')) {
    const head = /^([A-Za-z_][\w.-]*)\s*::=(.*)$/.exec(line);
    if (head?.[1] !== undefined) {
      current = head[1];
      if (rules.has(current)) duplicates.push(current);
      rules.set(current, head[2] ?? '');
    } else if (current !== undefined && line.trim() !== '') {
      rules.set(current, `${rules.get(current) ?? ''} ${line}`);
    }
  }
  const references = new Map<string, string[]>();
  const leftovers: string[] = [];
  for (const [name, body] of rules) {
    const bare = body
      .replace(/"(?:[^"\\\n]|\\.)*"/g, ' ')
      .replace(/\[(?:[^\]\\\n]|\\.)*\]/g, ' ')
      .replace(/#.*$/gm, ' ');
    const stray = bare.replace(/[A-Za-z_][\w.-]*|[|()*+?]|\{\d+(?:,\d*)?\}|\s/g, '');
    if (stray) leftovers.push(`${name}: ${stray}`);
    references.set(name, bare.match(/[A-Za-z_][\w.-]*/g) ?? []);
  }
  const reachable = new Set<string>();
  const visit = (name: string) => {
    if (reachable.has(name)) return;
    reachable.add(name);
    for (const ref of references.get(name) ?? []) visit(ref);
  };
  visit('root');
  return { rules, references, duplicates, leftovers, reachable };
}

describe('planner grammar text', () => {
  const { rules, references, duplicates, leftovers, reachable } = inspectEbnf(PLANNER_GRAMMAR);

  it('has a root, defines every rule it references, once, and uses every rule it defines', () => {
    expect(rules.has('root')).toBe(true);
    const referenced = new Set([...references.values()].flat());
    for (const name of referenced) expect(rules.has(name), `rule ${name} is referenced`).toBe(true);
    expect(duplicates).toEqual([]);
    expect([...rules.keys()].filter((name) => !reachable.has(name))).toEqual([]);
    expect(leftovers).toEqual([]);
  });

  it('keeps the shape XGrammar handles fast: no bounded repetition, no groups, no line-start rule', () => {
    // See grammar.ts: these cost seconds to compile or seconds per token with a real vocabulary.
    expect(PLANNER_GRAMMAR).not.toMatch(/\}\s*(?:\n|$)|\{\d/);
    expect([...rules.values()].join(' ').replace(/"(?:[^"\\]|\\.)*"|\[(?:[^\]\\]|\\.)*\]/g, '')).not.toMatch(
      /[()]/,
    );
    expect([...rules.keys()]).toEqual(['root', 'rest', 'decision']);
  });

  it('is one string, the same every time', () => {
    expect(plannerGrammar()).toBe(PLANNER_GRAMMAR);
  });

  it('the sanity check itself catches an undefined rule and stray text', () => {
    const broken = inspectEbnf('root ::= a "x"\na ::= b ]');
    expect(broken.rules.has('b')).toBe(false);
    expect(broken.references.get('a')).toEqual(['b']);
    expect(broken.leftovers).toEqual(['a: ]']);
  });
});

describe('planner outputs the grammar admits', () => {
  it.each([
    ['I will compute it.\nNext: caller', true],
    ['The result is known.\nNext: summarizer', true],
    ['No tool fits.\nNext: give up', true],
    ['First paragraph.\n\nSecond paragraph.\nNext: caller', true],
    ['Now I call it.\nNext step: add 3.\nNexus\nNext time: no.\nNext: caller', true],
    ['A line that is only a prefix of the marker:\nNex\nNext: caller', false],
    ['Inline Next: caller is fine mid-line.\nNext: caller', true],
    ['ä 中文 🙂\tand a tab.\nNext: summarizer', true],
    ['x', false],
    ['Next: caller', false],
    ['\nNext: caller', false],
    [' \nNext: caller', true],
    ['x\nNext: caller\nNext: caller', false],
    ['x\nNext: caller\nmore thought', false],
    ['x\nNext: conclusion', false],
    ['x\nNext: caller.', false],
    ['x\nNext: Caller', false],
    ['x\nNext:caller', false],
    ['x\nnext: caller', false],
    ['x\n\nNext: caller', false],
    ['x\n\n\ny\nNext: caller', false],
    ['Next:x\nNext: caller', false],
    ['x\nNext: caller\n', false],
  ])('%j → %s', (text, admitted) => {
    expect(admitsPlannerOutput(text)).toBe(admitted);
  });
});
