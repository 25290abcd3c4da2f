export type { TruGridSim, TruGridSimOptions } from "./server";
export {
  createTruGridSim,
  DEFAULT_SET_MACHINE_ASSOCIATIONS_ROUTE,
  TRUGRID_SIM_API_KEY,
  TRUGRID_SIM_CREDENTIALS,
} from "./server";
export type { TruGridState } from "./state";
