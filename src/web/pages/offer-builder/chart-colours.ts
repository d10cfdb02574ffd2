// The offer builder's chart colours: the startup offer, the incumbent (current pay or a competing offer), the threshold.
export const STARTUP_COLOUR = '#4338ca';
export const INCUMBENT_COLOUR = '#868b94';
export const THRESHOLD_COLOUR = '#b42318';
