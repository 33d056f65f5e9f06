// The front of tip-offs (举报): what public tracking and the composition root use.
export { STATE_LABELS as TIPOFF_STATE_LABELS } from './tipoffs.states.ts';
export { initTipoffKeyFile, loadTipoffKeys, TipoffKeysMissingError } from './tipoff-keys.ts';
export { rotateTipoffKeys } from './tipoffs.rotation.ts';
export { tipoffRoutes } from './tipoffs.routes.ts';
