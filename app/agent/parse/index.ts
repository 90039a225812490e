export { parseBackbone } from './backbone';
export { parseCallerAlphaUmi, parseCallerChat } from './caller';
export { parsePlannerAlphaUmi, parsePlannerChat } from './planner';
export { parseSummarizer } from './summarizer';
