/** The export analysis keeps strings past the current object through the XML layer's copy (src/xml/retain.ts). */
export { retain } from '../xml/retain.js';
