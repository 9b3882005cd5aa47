import { parseScenario } from '@/lib/scenario/schema';
import { setScenarioParser } from './evaluate';

/**
 * Importing this module gives lib/store/evaluate.ts its validator (zod, lib/scenario/schema.ts). Kept apart so the
 * simulator's first load does without it (docs/decisions/007): the workspace imports it before it opens a working
 * set; the report page, tests and tools import it up front.
 */
setScenarioParser(parseScenario);
