/* Generated from toponym/index/schema.py by scripts/gen_layout.py;
 * do not edit (tests/conformance/test_layout.py holds the two together). */
#ifndef TOPONYM_LAYOUT_H
#define TOPONYM_LAYOUT_H

#define TOPONYM_INDEX_FORMAT 12
#define ENTRY_TIER_BITS 2
#define BLOOM_BYTES 2097152
#define BLOOM_SHIFT 8
#define DIRECTORY_SHIFT 14
#define CHAR_MASK_LETTERS 26
#define CHAR_MASK_OTHER 6
#define NO_ANSWER (-1)
#define RANK_AT_QUERY (-2)
#define METHOD_EXACT 3
#define METHOD_MASK 3

#endif
