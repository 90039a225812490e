/**
 * `parse_output` of the α-UMi reference evaluation (GLPFT
 * `inference_utils/toolbench/evaluate-multi_agent.py`), for references and predictions alike:
 *
 * - `Next: give up` anywhere (no period needed) → plan `give up`;
 * - else `Next: conclusion` anywhere → plan `finish`; the answer is the text after the LAST
 *   `conclusion: ` (the whole text when `conclusion:` does not occur), with every `</s>` removed;
 * - else plan `call`: the second `</s>`-separated segment is read; the action input is the text
 *   after its last `Action Input:` (stripped; `{}` when absent), the action the text after its
 *   last `Action:` up to the first `Action Input:` after it (stripped; `none` when absent).
 *
 * Two inputs make the Python code raise instead of returning. They are reported in
 * `pythonFailure` and read the closest way that never invents a match:
 * - a call text with no `</s>` (`text.split('</s>')[1]` → IndexError): no segment, so the
 *   action is `none` and the input `{}`;
 * - a finish text with `conclusion:` but never `conclusion: ` (`rindex` → ValueError): the
 *   answer is the text after the last `conclusion:`.
 */
import { pyStrip } from './py-text';

export type Plan = 'give up' | 'finish' | 'call';
export type ParseFailure = 'no_end_of_turn' | 'no_conclusion_prefix';

export type ParsedOutput =
  | { plan: 'give up'; pythonFailure?: undefined }
  | { plan: 'finish'; answer: string; pythonFailure?: ParseFailure }
  | { plan: 'call'; action: string; actionInput: string; pythonFailure?: ParseFailure };

const EOS = '</s>';

export function parseOutput(text: string): ParsedOutput {
  if (text.includes('Next: give up')) return { plan: 'give up' };
  if (text.includes('Next: conclusion')) {
    let answer = text;
    let pythonFailure: ParseFailure | undefined;
    if (text.includes('conclusion:')) {
      const at = text.lastIndexOf('conclusion: ');
      if (at >= 0) answer = text.slice(at + 'conclusion: '.length);
      else {
        pythonFailure = 'no_conclusion_prefix';
        answer = text.slice(text.lastIndexOf('conclusion:') + 'conclusion:'.length);
      }
    }
    answer = answer.split(EOS).join('');
    return pythonFailure ? { plan: 'finish', answer, pythonFailure } : { plan: 'finish', answer };
  }
  const segments = text.split(EOS);
  const segment = segments[1];
  const call = readCall(segment ?? '');
  return segment === undefined ? { ...call, pythonFailure: 'no_end_of_turn' } : call;
}

function readCall(text: string): { plan: 'call'; action: string; actionInput: string } {
  const inputAt = text.lastIndexOf('Action Input:');
  const actionInput = inputAt >= 0 ? pyStrip(text.slice(inputAt + 'Action Input:'.length)) : '{}';
  let action = 'none';
  const actionAt = text.lastIndexOf('Action:');
  if (actionAt >= 0) {
    action = pyStrip(text.slice(actionAt + 'Action:'.length));
    const cut = action.indexOf('Action Input:');
    if (cut >= 0) action = pyStrip(action.slice(0, cut));
  }
  return { plan: 'call', action, actionInput };
}
