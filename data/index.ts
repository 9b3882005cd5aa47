import { parseCatalog } from '@/lib/catalog/parse-catalog';
import type { Catalog } from '@/lib/catalog/schema';
import { toSpecCatalog } from '@/lib/catalog/to-spec';
import type { SpecCatalog } from '@/lib/scenario/schema';
import { aggregators } from './aggregators';
import { anthropic } from './providers/anthropic';
import { awsBedrock } from './providers/aws-bedrock';
import { azureOpenai } from './providers/azure-openai';
import { deepinfra } from './providers/deepinfra';
import { deepseek } from './providers/deepseek';
import { fireworks } from './providers/fireworks';
import { googleGemini } from './providers/google-gemini';
import { googleVertex } from './providers/google-vertex';
import { groq } from './providers/groq';
import { mistral } from './providers/mistral';
import { openai } from './providers/openai';
import { together } from './providers/together';

/** Provider files by path, so a validation error names the file. */
export const providerFiles = {
  'data/providers/openai.ts': openai,
  'data/providers/anthropic.ts': anthropic,
  'data/providers/google-gemini.ts': googleGemini,
  'data/providers/google-vertex.ts': googleVertex,
  'data/providers/azure-openai.ts': azureOpenai,
  'data/providers/aws-bedrock.ts': awsBedrock,
  'data/providers/mistral.ts': mistral,
  'data/providers/deepseek.ts': deepseek,
  'data/providers/groq.ts': groq,
  'data/providers/together.ts': together,
  'data/providers/fireworks.ts': fireworks,
  'data/providers/deepinfra.ts': deepinfra,
};

/** The parsed, validated catalog (throws a CatalogError naming file and field at module load if data is invalid). */
export const catalog: Catalog = parseCatalog(providerFiles, aggregators);

/** Engine-level providers and models (MODEL.md §3.3-3.4), every field filled; scenarios resolve against it. */
export const builtInSpecCatalog: SpecCatalog = toSpecCatalog(catalog);
