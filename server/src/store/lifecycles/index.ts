export { PARTNER_LIFECYCLES, type StoredPartnerLifecycle } from './kinds.js';
export {
  lifecycleStore,
  type LifecyclePageQuery,
  type OverdueLifecyclePageQuery,
  type ServerLifecycleStore,
} from './lifecycle-store.js';
export { applyPartnerStatusEffects } from './partner-status-effects.js';
