'use client';

/**
 * Bar above the simulator: scenario tabs (switch, duplicate, remove), copy link, export/import, and the URL/autosave
 * sync. Owned by the share/compare work (issue #5); the simulator page renders it as is.
 */
export function WorkspaceBar() {
  return null;
}
