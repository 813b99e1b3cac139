export { analyticsStore } from './recorded.js';
export type { AnalyticsStore, RecordedActivities, RecordedTouches } from './recorded.js';
export { PARTNER_ACTIVITIES, PARTNER_TOUCHES } from './kinds.js';
export type { PartnerActivity, StoredPartnerActivity, StoredPartnerTouch } from './kinds.js';
export {
  channelAnalyticsSource,
  MDF_INVESTMENT_KIND,
  STORE_ACTIVITY_KINDS,
  type AnalyticsRowContext,
} from './channel-source.js';
export { attributionSource, touchesOfDeals } from './attribution-source.js';
