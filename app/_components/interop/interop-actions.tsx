'use client';

import { useRef, useState } from 'react';
import { fileNameFor } from '@/lib/export/file-name';
import type { RoutingFormat } from '@/lib/interop';
import { useScenarioStore } from '@/lib/store/scenario-store';
import { scenarioLabel } from '../workspace/scenario-label';
import { ImportDialog } from './import-dialog';
import { interopButton, interopMenuItem } from './styles';

const EXPORTS: { format: Exclude<RoutingFormat, 'scenario'>; label: string; suffix: string; extension: string; type: string }[] = [
  { format: 'litellm-router', label: 'LiteLLM proxy config (YAML)', suffix: 'litellm', extension: 'yaml', type: 'application/yaml' },
  { format: 'portkey', label: 'Portkey config (JSON)', suffix: 'portkey', extension: 'json', type: 'application/json' },
  { format: 'openrouter', label: 'OpenRouter request body (JSON)', suffix: 'openrouter', extension: 'json', type: 'application/json' },
];

function download(text: string, fileName: string, type: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const anchor = document.createElement('a');
  anchor.href = url;
  anchor.download = fileName;
  document.body.append(anchor);
  anchor.click();
  anchor.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

type Status = { tone: 'ok' | 'error'; text: string } | null;

/**
 * Import a gateway config, price map or usage log (with a preview), and export the active scenario's routing in the
 * formats gateways read: LiteLLM YAML, Portkey JSON, the OpenRouter request body (docs/decisions/010). Keys are never
 * written; the interop code and the catalog load on first use.
 */
export function InteropActions() {
  const [status, setStatus] = useState<Status>(null);
  const menu = useRef<HTMLDetailsElement>(null);

  async function runExport(entry: (typeof EXPORTS)[number]) {
    menu.current?.removeAttribute('open');
    const { scenarios, active } = useScenarioStore.getState();
    const scenario = scenarios[active];
    if (!scenario) return;
    try {
      const [{ writeRouting }, { catalog }] = await Promise.all([import('@/lib/interop'), import('@/data')]);
      const written = writeRouting(entry.format, scenario, { catalog });
      const fileName = fileNameFor(`${scenarioLabel(scenario, active)}.${entry.suffix}`, entry.extension);
      download(written.value, fileName, entry.type);
      const approximated = written.notes.filter((n) => n.kind === 'approximated').length;
      setStatus({ tone: 'ok', text: `Downloaded ${fileName}.${approximated > 0 ? ` ${approximated} setting${approximated === 1 ? ' is' : 's are'} only approximated in this format (README: Import and export).` : ''} Add your own keys before use.` });
    } catch (error) {
      const message = error instanceof Error && error.name === 'InteropError' ? error.message : 'the routing could not be written';
      setStatus({ tone: 'error', text: `Not exported: ${message}. Fix the highlighted inputs first.` });
    }
  }

  return (
    <div className="flex flex-col items-start gap-1 sm:items-end">
      <div className="flex flex-wrap items-center gap-2">
        <ImportDialog onDone={(text) => setStatus({ tone: 'ok', text })} />
        <details ref={menu} className="relative">
          <summary className={`${interopButton} cursor-pointer list-none`}>Gateway config ▾</summary>
          <div className="absolute right-0 z-20 mt-1 w-72 rounded-lg border border-slate-200 bg-white p-1 shadow-lg dark:border-slate-700 dark:bg-slate-900">
            {EXPORTS.map((entry) => (
              <button key={entry.format} type="button" className={interopMenuItem} onClick={() => void runExport(entry)}>
                {entry.label}
              </button>
            ))}
          </div>
        </details>
      </div>
      <div aria-live="polite" className="text-sm">
        {status ? (
          <p role={status.tone === 'error' ? 'alert' : 'status'} className={status.tone === 'error' ? 'text-red-700 dark:text-red-300' : 'text-emerald-800 dark:text-emerald-300'}>
            {status.text}
          </p>
        ) : null}
      </div>
    </div>
  );
}
