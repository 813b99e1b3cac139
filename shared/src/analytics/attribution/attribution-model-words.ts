import type { AttributionModel } from '../../program/schema/analytics-policy.js';

/**
 * An attribution model as a report names it: `linear`, `time decay (half-life 30 days)`,
 * `position based (40/20/40)`.
 */
export function attributionModelWords(model: AttributionModel): string {
  switch (model.kind) {
    case 'first_touch':
      return 'first touch';
    case 'last_touch':
      return 'last touch';
    case 'linear':
      return 'linear';
    case 'time_decay':
      return `time decay (half-life ${model.halfLifeDays} ${model.halfLifeDays === 1 ? 'day' : 'days'})`;
    case 'position_based':
      return `position based (${model.first}/${model.middle}/${model.last})`;
    case 'custom': {
      const { sourced, registered, co_sell: coSell, influence_activity: influence } = model.weights;
      return `custom weights (sourced ${sourced}, registered ${registered}, co-sell ${coSell}, influence ${influence})`;
    }
  }
}

/** A stable key for a model, for chart series: `linear`, `time_decay_30`, `position_based_40_20_40`, `custom`. */
export function attributionModelKey(model: AttributionModel): string {
  switch (model.kind) {
    case 'time_decay':
      return `time_decay_${model.halfLifeDays}`;
    case 'position_based':
      return `position_based_${model.first}_${model.middle}_${model.last}`;
    case 'first_touch':
    case 'last_touch':
    case 'linear':
    case 'custom':
      return model.kind;
  }
}
