export { createTruuSim, type TruuSim, type TruuSimOptions } from "./server";
export { TRUU_SIM_CREDENTIALS, type TruuSimCredentials } from "./credentials";
