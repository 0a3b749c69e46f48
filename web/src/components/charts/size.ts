/** Chart height, shared with the skeleton that stands in for the chart while it loads. */
export const CHART_HEIGHT_PX = 280;

/**
 * Room between the plot's edges and its first and last points, so a label centred under one
 * (a month's short name: "Sept", "нояб.") is not cut off by the chart's edge.
 */
export const EDGE_PADDING = { left: 18, right: 18 };
