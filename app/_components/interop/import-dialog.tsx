'use client';

import { useRef, useState, type DragEvent } from 'react';
import type { ImportPlan } from '@/lib/interop/import-plan';
import { useScenarioStore } from '@/lib/store/scenario-store';
import { scenarioLabel } from '../workspace/scenario-label';
import { interopButton, interopPrimaryButton } from './styles';

/** The documented cap (lib/interop/common.ts MAX_INTEROP_BYTES), checked before a file is read. */
const MAX_BYTES = 4 * 1024 * 1024;

type Stage = { kind: 'pick' } | { kind: 'reading'; fileName: string } | { kind: 'error'; fileName: string; message: string } | { kind: 'preview'; fileName: string; plan: ImportPlan };

const NOTE_LABEL = { default: 'Default', skipped: 'Skipped', approximated: 'Approximated', secret: 'Not copied', info: 'Note' } as const;

/**
 * Import a gateway config, price map or usage log into the active scenario (docs/decisions/010): pick or drop a
 * file, see what will change (before → after, every default and skipped entry), then apply or cancel. The interop
 * code and the catalog load only when a file is chosen.
 */
export function ImportDialog({ onDone }: { onDone: (message: string) => void }) {
  const dialog = useRef<HTMLDialogElement>(null);
  const trigger = useRef<HTMLButtonElement>(null);
  const fileInput = useRef<HTMLInputElement>(null);
  const [stage, setStage] = useState<Stage>({ kind: 'pick' });
  const [dragging, setDragging] = useState(false);

  function open() {
    setStage({ kind: 'pick' });
    dialog.current?.showModal();
  }

  function close() {
    dialog.current?.close();
  }

  async function read(file: File) {
    if (file.size > MAX_BYTES) {
      setStage({ kind: 'error', fileName: file.name, message: `The file is ${Math.ceil(file.size / 1024).toLocaleString('en-US')} KB; the limit is 4 MB. Nothing changed.` });
      return;
    }
    setStage({ kind: 'reading', fileName: file.name });
    try {
      const [text, { planImport }, { catalog }] = await Promise.all([file.text(), import('@/lib/interop/import-plan'), import('@/data')]);
      const { scenarios, active } = useScenarioStore.getState();
      const current = scenarios[active];
      if (!current) throw new Error('no active scenario');
      const plan = planImport(file.name, text, current, catalog, file.size);
      setStage({ kind: 'preview', fileName: file.name, plan });
    } catch (error) {
      const message = error instanceof Error && error.name === 'InteropError' ? error.message : 'The file could not be read.';
      setStage({ kind: 'error', fileName: file.name, message: `${message.replace(/[\u0000-\u001f]/g, ' ')}. Nothing changed.` });
    }
  }

  function apply(plan: ImportPlan, fileName: string) {
    useScenarioStore.getState().updateActive(() => plan.next);
    close();
    onDone(`Imported ${plan.label.toLowerCase()} “${fileName}”: ${plan.changes.length} change${plan.changes.length === 1 ? '' : 's'} applied.`);
  }

  function onDrop(event: DragEvent<HTMLDivElement>) {
    event.preventDefault();
    setDragging(false);
    const file = event.dataTransfer.files[0];
    if (file) void read(file);
  }

  const target = useScenarioStore((s) => (s.scenarios[s.active] ? scenarioLabel(s.scenarios[s.active]!, s.active) : 'the active scenario'));

  return (
    <>
      <button ref={trigger} type="button" className={interopButton} onClick={open}>
        Import config…
      </button>
      <dialog
        ref={dialog}
        aria-labelledby="interop-import-title"
        onClose={() => trigger.current?.focus()}
        className="m-auto w-[min(40rem,calc(100vw-2rem))] rounded-xl border border-slate-200 bg-white p-0 text-slate-900 shadow-xl backdrop:bg-slate-900/50 dark:border-slate-700 dark:bg-slate-900 dark:text-slate-100"
      >
        <div className="flex max-h-[calc(100vh-4rem)] flex-col">
          <div className="flex items-start justify-between gap-3 border-b border-slate-200 px-4 py-3 dark:border-slate-700">
            <div>
              <h2 id="interop-import-title" className="text-sm font-semibold tracking-tight">
                Import a gateway config, price map or usage log
              </h2>
              <p className="mt-0.5 text-xs text-slate-600 dark:text-slate-400">Into “{target}”. You see every change before it is applied.</p>
            </div>
            <button type="button" className={interopButton} onClick={close} aria-label="Close the import dialog">
              ✕
            </button>
          </div>
          <div className="overflow-y-auto px-4 py-3">
            {stage.kind !== 'preview' ? (
              <div
                onDragOver={(event) => {
                  event.preventDefault();
                  setDragging(true);
                }}
                onDragLeave={() => setDragging(false)}
                onDrop={onDrop}
                data-testid="interop-drop-zone"
                className={`rounded-lg border-2 border-dashed p-6 text-center text-sm ${dragging ? 'border-blue-600 bg-blue-50 dark:bg-blue-950/40' : 'border-slate-300 dark:border-slate-600'}`}
              >
                <p className="font-medium">Drop a file here, or</p>
                <button type="button" className={`${interopPrimaryButton} mt-2`} onClick={() => fileInput.current?.click()}>
                  Choose a file
                </button>
                <input
                  ref={fileInput}
                  type="file"
                  accept=".yaml,.yml,.json,.csv,application/json,text/csv,text/yaml"
                  aria-label="Import a gateway config, price map or usage log"
                  className="sr-only"
                  tabIndex={-1}
                  onChange={(event) => {
                    const file = event.target.files?.[0];
                    event.target.value = '';
                    if (file) void read(file);
                  }}
                />
                <p className="mt-3 text-xs text-slate-600 dark:text-slate-400">
                  LiteLLM <code>config.yaml</code> or price map, Portkey config, OpenRouter request body or <code>/api/v1/models</code>, usage CSV (LiteLLM spend logs, OpenAI or Anthropic usage), or a RouteCost scenario. Up to 4 MB.
                  API keys and virtual keys are never read into the scenario.
                </p>
                {stage.kind === 'reading' ? (
                  <p role="status" className="mt-3 text-sm text-slate-700 dark:text-slate-300">
                    Reading “{stage.fileName}”…
                  </p>
                ) : null}
                {stage.kind === 'error' ? (
                  <p role="alert" className="mt-3 text-sm text-red-700 dark:text-red-300">
                    “{stage.fileName}” was not imported. {stage.message}
                  </p>
                ) : null}
              </div>
            ) : (
              <ImportPreview fileName={stage.fileName} plan={stage.plan} />
            )}
          </div>
          <div className="flex flex-wrap justify-end gap-2 border-t border-slate-200 px-4 py-3 dark:border-slate-700">
            {stage.kind === 'preview' ? (
              <button type="button" className={interopButton} onClick={() => setStage({ kind: 'pick' })}>
                Choose another file
              </button>
            ) : null}
            <button type="button" className={interopButton} onClick={close}>
              Cancel
            </button>
            {stage.kind === 'preview' ? (
              <button type="button" className={interopPrimaryButton} onClick={() => apply(stage.plan, stage.fileName)} disabled={stage.plan.changes.length === 0}>
                Apply to “{target}”
              </button>
            ) : null}
          </div>
        </div>
      </dialog>
    </>
  );
}

function ImportPreview({ fileName, plan }: { fileName: string; plan: ImportPlan }) {
  return (
    <div className="space-y-3 text-sm">
      <p role="status">
        <span className="font-medium">{plan.label}</span> detected in “{fileName}”.
      </p>
      {plan.changes.length > 0 ? (
        <div className="overflow-x-auto">
          <table className="w-full border-collapse text-left text-xs">
            <caption className="mb-1 text-left text-xs font-semibold text-slate-800 dark:text-slate-200">What will change</caption>
            <thead>
              <tr className="border-b border-slate-200 dark:border-slate-700">
                <th scope="col" className="py-1 pr-2 font-medium">Input</th>
                <th scope="col" className="py-1 pr-2 font-medium">Now</th>
                <th scope="col" className="py-1 font-medium">After import</th>
              </tr>
            </thead>
            <tbody>
              {plan.changes.map((row) => (
                <tr key={row.field} className="border-b border-slate-100 align-top dark:border-slate-800">
                  <th scope="row" className="py-1 pr-2 font-medium">{row.field}</th>
                  <td className="py-1 pr-2 break-words text-slate-600 line-through decoration-slate-400 dark:text-slate-400">{row.before}</td>
                  <td className="py-1 break-words text-emerald-800 dark:text-emerald-300">{row.after}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : (
        <p>Nothing in this scenario would change.</p>
      )}
      {plan.notes.length > 0 ? (
        <details open={plan.notes.length <= 8}>
          <summary className="cursor-pointer text-xs font-semibold text-slate-800 dark:text-slate-200">Assumptions and skipped entries ({plan.notes.length})</summary>
          <ul className="mt-1 space-y-1 text-xs text-slate-700 dark:text-slate-300">
            {plan.notes.map((note, i) => (
              <li key={i}>
                <span className="mr-1 whitespace-nowrap rounded bg-slate-100 px-1 py-0.5 font-medium text-slate-800 dark:bg-slate-800 dark:text-slate-200">{NOTE_LABEL[note.kind]}</span>
                {note.text}
              </li>
            ))}
          </ul>
        </details>
      ) : null}
    </div>
  );
}
