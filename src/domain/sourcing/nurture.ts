import nurture from '../../../data/sourcing/nurture.json' with { type: 'json' };

/** Nurture pace (data/sourcing/nurture.json): a pool's default cadence and when many touches call for a direct message. */
export interface NurtureSettings {
  cadenceDays: number;
  manyTouches: number;
  openStatuses: readonly string[];
}

export const DEFAULT_NURTURE_SETTINGS: NurtureSettings = {
  cadenceDays: nurture.cadenceDays.value,
  manyTouches: nurture.manyTouches.value,
  openStatuses: nurture.openStatuses.value,
};
