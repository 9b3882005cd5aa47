/** Viewport placement of a tooltip below (or, near the bottom edge, above) its anchor, kept on screen. */
export interface TooltipPlacement {
  left: number;
  width: number;
  top?: number;
  bottom?: number;
}

const MARGIN = 16;
const GAP = 6;
const MAX_WIDTH = 288;
/** Room below the anchor under which the tip opens upwards instead. */
const MIN_ROOM_BELOW = 160;

export function tooltipPosition(anchor: { left: number; top: number; bottom: number }, viewport: { width: number; height: number }): TooltipPlacement {
  const width = Math.max(0, Math.min(MAX_WIDTH, viewport.width - 2 * MARGIN));
  const left = Math.min(Math.max(MARGIN, anchor.left - 8), Math.max(MARGIN, viewport.width - MARGIN - width));
  if (viewport.height - anchor.bottom < MIN_ROOM_BELOW && anchor.top > MIN_ROOM_BELOW) {
    return { left, width, bottom: viewport.height - anchor.top + GAP };
  }
  return { left, width, top: anchor.bottom + GAP };
}
