/** Chart height, shared with the skeleton that stands in for the chart while it loads. */
export const CHART_HEIGHT_PX = 280;
