/**
 * saxes 6.0.0 state numbers (its `S_*` constants, not exported), in one place for the reader's buffer guards and the
 * fast paths. The version is pinned exactly in package.json, and test/xml/reader.test.ts fails if they move.
 */
export const S_DOCTYPE = 2;
export const S_DTD_PI_ENDING = 12;
export const S_TEXT = 13;
export const S_ENTITY = 14;
export const S_OPEN_WAKA = 15;
export const S_OPEN_WAKA_BANG = 16;
export const S_CDATA = 20;
export const S_CDATA_ENDING_2 = 22;
export const S_ATTRIB_VALUE_QUOTED = 40;
export const S_ATTRIB_VALUE_CLOSED = 41;
