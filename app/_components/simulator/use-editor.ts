'use client';

import { useCallback, useMemo } from 'react';
import type { Scenario } from '@/lib/scenario/schema';
import { displayMessage, errorsByPath, useActiveErrors, useActiveScenario, type FieldError } from '@/lib/store/selectors';
import { useScenarioStore } from '@/lib/store/scenario-store';

export interface Editor {
  scenario: Scenario;
  /** Apply a pure edit (lib/scenario/edit.ts) to the active scenario. */
  edit: (update: (scenario: Scenario) => Scenario) => void;
  /** The validation message for one field path, ready to show, or null. */
  errorFor: (path: string) => string | null;
  errors: readonly FieldError[];
}

/** The active draft, an edit function and its field errors: what every input section needs. */
export function useEditor(): Editor {
  const scenario = useActiveScenario();
  const errors = useActiveErrors();
  const edit = useScenarioStore((s) => s.updateActive);
  const byPath = useMemo(() => errorsByPath(errors), [errors]);
  const errorFor = useCallback(
    (path: string) => {
      const messages = byPath.get(path);
      return messages ? messages.map((message) => displayMessage({ path, message })).join(' · ') : null;
    },
    [byPath],
  );
  return { scenario, edit, errorFor, errors };
}
