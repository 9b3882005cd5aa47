/** Shared recharts styling: ticks and grid follow the surrounding text colour, so dark mode needs no second palette. */
export const AXIS_TICK = { fill: 'currentColor', fontSize: 11 } as const;
export const AXIS_LINE = { stroke: 'currentColor', strokeOpacity: 0.3 } as const;
export const GRID_PROPS = { stroke: 'currentColor', strokeOpacity: 0.12, strokeDasharray: '3 3' } as const;
export const AXIS_LABEL_STYLE = { fill: 'currentColor', fontSize: 11 } as const;
export const LEGEND_STYLE = { fontSize: 12, paddingTop: 4 } as const;
export const CHART_MARGIN = { top: 8, right: 12, bottom: 8, left: 4 } as const;
