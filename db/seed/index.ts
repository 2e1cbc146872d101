// Entry points of the seed; see each module.
export { seedDemo } from "./demo";
export { seedReferential } from "./referential";
export { seedScale } from "./scale";
