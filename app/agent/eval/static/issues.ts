/**
 * What can be wrong with a test or predictions file, as data: the CLI prints `describeIssue`,
 * the page translates the same codes. Records and turns are 0-based array indexes, the way a
 * JSON path names them (`record [3]` is the fourth element of the top-level array).
 */
/** What a field must be (`bad_field`). */
export type Expected = 'string' | 'tools' | 'tool' | 'input' | 'conversations' | 'turn';

export type UnscorableReason = 'no_end_of_turn' | 'no_conclusion_prefix' | 'empty_answer';

export type FileIssue =
  | { code: 'not_json'; detail: string }
  | { code: 'not_array' }
  | { code: 'empty' }
  | { code: 'not_object'; record: number }
  | { code: 'bad_field'; record: number; field: string; expected: Expected }
  | { code: 'bad_role'; record: number; turn: number; role: string }
  | { code: 'no_following_turn'; record: number; turn: number }
  /** `turn` is set for a test file (the planner turn the sample comes from). */
  | { code: 'reference_unscorable'; record: number; turn?: number; reason: UnscorableReason }
  | { code: 'no_samples' }
  | { code: 'count_mismatch'; expected: number; actual: number }
  | { code: 'reference_mismatch'; record: number }
  | { code: 'not_replayable'; record: number };

export class StaticEvalFileError extends Error {
  override name = 'StaticEvalFileError';
  constructor(readonly issue: FileIssue) {
    super(describeIssue(issue));
  }
}

const EXPECTED: Record<Expected, string> = {
  string: 'a string',
  tools: 'an array of tools',
  tool: 'an object {"Name", "function", "input"}',
  input: 'an object of "type, description" strings',
  conversations: 'a non-empty array of {"from", "value"} turns',
  turn: 'an object {"from", "value"}',
};

const REASONS: Record<UnscorableReason, string> = {
  no_end_of_turn:
    'it plans a call but has no "</s>" before the call, so the reference evaluation cannot find the call (IndexError)',
  no_conclusion_prefix:
    'it ends with a conclusion but has "conclusion:" without the space after it (the reference evaluation raises ValueError)',
  empty_answer:
    'its answer is empty (no sentence once split on "."), which the rouge package cannot score (ValueError)',
};

/** One English sentence saying where the problem is and what it is. */
export function describeIssue(issue: FileIssue): string {
  switch (issue.code) {
    case 'not_json':
      return `The file is not JSON: ${issue.detail}`;
    case 'not_array':
      return 'The file must hold a JSON array of records.';
    case 'empty':
      return 'The file holds no records.';
    case 'not_object':
      return `Record [${issue.record}] is not a JSON object.`;
    case 'bad_field':
      return `Record [${issue.record}]: "${issue.field}" must be ${EXPECTED[issue.expected]}.`;
    case 'bad_role':
      return `Record [${issue.record}]: conversations[${issue.turn}].from is "${issue.role}"; expected user, assistant, caller, observation or conclusion.`;
    case 'no_following_turn':
      return `Record [${issue.record}]: the planner turn conversations[${issue.turn}] hands over to the caller or the conclusion, but no turn follows it.`;
    case 'reference_unscorable': {
      const where = issue.turn === undefined ? 'its reference' : `the sample of conversations[${issue.turn}]`;
      return `Record [${issue.record}]: ${where} cannot be scored: ${REASONS[issue.reason]}.`;
    }
    case 'no_samples':
      return 'No planner turn in the file carries "Next: caller.", "Next: conclusion." or "Next: give up.", so there is nothing to evaluate.';
    case 'count_mismatch':
      return `The predictions file has ${issue.actual} records; the test file gives ${issue.expected} samples.`;
    case 'reference_mismatch':
      return `Record [${issue.record}]: its reference differs from sample [${issue.record}] of the test file; the predictions were made for another test file.`;
    case 'not_replayable':
      return `Record [${issue.record}]: its prediction is not what the planner → caller/summarizer pipeline writes (planner turn, "</s>", then the caller's or summarizer's turn the planner's marker selects), so it cannot be replayed.`;
  }
}
