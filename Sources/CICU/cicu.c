#include "cicu.h"

#include <stdlib.h>
#include <unicode/ubrk.h>
#include <unicode/uchar.h>
#include <unicode/unorm2.h>
#include <unicode/utypes.h>

struct cicu_segmenter {
    UBreakIterator *words;
    UBreakIterator *sentences;
    const UNormalizer2 *casefold;
};

cicu_segmenter *cicu_segmenter_create(const char *locale, const char **error) {
    UErrorCode status = U_ZERO_ERROR;
    cicu_segmenter *s = calloc(1, sizeof *s);
    if (!s) {
        if (error) *error = "out of memory";
        return NULL;
    }
    s->casefold = unorm2_getNFKCCasefoldInstance(&status);
    if (U_SUCCESS(status)) s->words = ubrk_open(UBRK_WORD, locale, NULL, 0, &status);
    if (U_SUCCESS(status)) s->sentences = ubrk_open(UBRK_SENTENCE, locale, NULL, 0, &status);
    if (U_FAILURE(status)) {
        if (error) *error = u_errorName(status);
        cicu_segmenter_destroy(s);
        return NULL;
    }
    return s;
}

void cicu_segmenter_destroy(cicu_segmenter *s) {
    if (!s) return;
    if (s->words) ubrk_close(s->words);
    if (s->sentences) ubrk_close(s->sentences);
    free(s);
}

int32_t cicu_word_segments(cicu_segmenter *s, const uint16_t *text, int32_t length,
                           int32_t *starts, int32_t *statuses) {
    UErrorCode status = U_ZERO_ERROR;
    ubrk_setText(s->words, (const UChar *)text, length, &status);
    if (U_FAILURE(status)) return -1;
    int32_t count = 0;
    int32_t start = ubrk_first(s->words);
    for (int32_t end = ubrk_next(s->words); end != UBRK_DONE; end = ubrk_next(s->words)) {
        starts[count] = start;
        statuses[count] = ubrk_getRuleStatus(s->words);
        count++;
        start = end;
    }
    starts[count] = length;
    return count;
}

int32_t cicu_sentence_segments(cicu_segmenter *s, const uint16_t *text, int32_t length,
                               int32_t *starts) {
    UErrorCode status = U_ZERO_ERROR;
    ubrk_setText(s->sentences, (const UChar *)text, length, &status);
    if (U_FAILURE(status)) return -1;
    int32_t count = 0;
    int32_t start = ubrk_first(s->sentences);
    for (int32_t end = ubrk_next(s->sentences); end != UBRK_DONE;
         end = ubrk_next(s->sentences)) {
        starts[count++] = start;
        start = end;
    }
    starts[count] = length;
    return count;
}

int32_t cicu_casefold(cicu_segmenter *s, const uint16_t *source, int32_t length,
                      uint16_t *dest, int32_t capacity) {
    UErrorCode status = U_ZERO_ERROR;
    int32_t n = unorm2_normalize(s->casefold, (const UChar *)source, length, (UChar *)dest,
                                 capacity, &status);
    if (status == U_BUFFER_OVERFLOW_ERROR) return n;
    if (U_FAILURE(status)) return -1;
    return n;
}

int32_t cicu_is_emoji(uint32_t c) {
    return u_hasBinaryProperty((UChar32)c, UCHAR_EXTENDED_PICTOGRAPHIC) ||
           u_hasBinaryProperty((UChar32)c, UCHAR_REGIONAL_INDICATOR);
}

int32_t cicu_is_alphanumeric(uint32_t c) {
    return u_isalnum((UChar32)c) ? 1 : 0;
}

int32_t cicu_emoji_part(uint32_t c) {
    UChar32 scalar = (UChar32)c;
    int32_t sentence = u_getIntPropertyValue(scalar, UCHAR_SENTENCE_BREAK);
    int32_t word = u_getIntPropertyValue(scalar, UCHAR_WORD_BREAK);
    if (word == U_WB_OTHER && sentence == U_SB_OTHER &&
        u_hasBinaryProperty(scalar, UCHAR_EXTENDED_PICTOGRAPHIC))
        return 1;
    if (word == U_WB_EXTEND && (sentence == U_SB_EXTEND || sentence == U_SB_OTHER)) return 2;
    return 0;
}
