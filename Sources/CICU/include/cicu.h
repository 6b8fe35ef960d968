#ifndef CICU_H
#define CICU_H

// A narrow window onto the system ICU. Only plain C types cross it, so Swift never
// sees <unicode/*.h> and nothing clashes with Foundation's private ICU copy.

#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/// Per-thread ICU state: a word and a sentence break iterator and the
/// NFKC-casefold normalizer. Not thread-safe; create one per thread and reuse it.
typedef struct cicu_segmenter cicu_segmenter;

/// Returns NULL and writes ICU's error name into `error` (if non-NULL) on failure.
cicu_segmenter *cicu_segmenter_create(const char *locale, const char **error);
void cicu_segmenter_destroy(cicu_segmenter *segmenter);

/// Word segmentation of `text` (UTF-16, `length` units). Writes the start offset of
/// every segment into `starts` and its rule status into `statuses` (0 = none:
/// spaces, punctuation, emoji), plus a final entry `starts[count] = length`.
/// Both arrays need room for `length + 1` entries. Returns the segment count, or -1.
int32_t cicu_word_segments(cicu_segmenter *segmenter, const uint16_t *text, int32_t length,
                           int32_t *starts, int32_t *statuses);

/// Sentence segmentation: writes every sentence start offset into `starts` plus a final
/// `starts[count] = length`. `starts` needs room for `length + 1`. Returns the count, or -1.
int32_t cicu_sentence_segments(cicu_segmenter *segmenter, const uint16_t *text,
                               int32_t length, int32_t *starts);

/// NFKC case folding of `source` into `dest` (capacity `capacity`). Returns the
/// folded length; when it exceeds `capacity` nothing useful was written and the caller
/// retries with a larger buffer. Returns -1 on other errors.
int32_t cicu_casefold(cicu_segmenter *segmenter, const uint16_t *source, int32_t length,
                      uint16_t *dest, int32_t capacity);

/// 1 when the code point is a pictographic emoji or a regional indicator.
int32_t cicu_is_emoji(uint32_t codePoint);

/// 1 when the code point is a letter or a digit (general category L* or N*).
int32_t cicu_is_alphanumeric(uint32_t codePoint);

/// The code point's part in an emoji as the word and sentence rules see it: 1 for a
/// pictograph the rules class as Other (Extended_Pictographic, Word_Break and
/// Sentence_Break Other), 2 for a mark that extends one (Word_Break Extend, Sentence_Break
/// Extend or Other: variation selectors, skin tones), 0 for anything else.
int32_t cicu_emoji_part(uint32_t codePoint);

#ifdef __cplusplus
}
#endif

#endif
