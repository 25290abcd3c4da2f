export { TRUU_SIM_CREDENTIALS, type TruuSimCredentials } from "./credentials";
export { createTruuSim, type TruuSim, type TruuSimOptions } from "./server";
