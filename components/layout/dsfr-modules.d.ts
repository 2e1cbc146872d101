// The DSFR's scripts register themselves on `window.dsfr` when they run: they export nothing.
declare module "@gouvfr/dsfr/dist/*.module.min.js";
