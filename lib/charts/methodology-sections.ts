/**
 * The sections of /methodology, in page order: the page renders its table of contents from this list and every
 * headline figure links to one of these ids, so a renamed section cannot leave a dead link.
 */
export const METHODOLOGY_SECTIONS = [
  { id: 'availability', title: 'Availability and downtime' },
  { id: 'request-model', title: 'What happens to one request' },
  { id: 'rate-limits', title: 'Traffic and rate limits (429)' },
  { id: 'concurrency', title: 'Concurrency' },
  { id: 'costs', title: 'Costs and total cost of ownership' },
  { id: 'latency', title: 'Latency' },
  { id: 'model-v2', title: 'TTFT spread, prompt length, price drift' },
  { id: 'monte-carlo', title: 'Uncertainty (Monte Carlo)' },
  { id: 'monte-carlo-computation', title: 'How Monte Carlo trials are computed' },
  { id: 'validator', title: 'Checking the formulas (validator)' },
  { id: 'planner', title: 'Planner: cheapest chain and frontier' },
  { id: 'limitations', title: 'Assumptions and limits' },
  { id: 'worked-example', title: 'Worked example' },
] as const;

export type MethodologySection = (typeof METHODOLOGY_SECTIONS)[number]['id'];
