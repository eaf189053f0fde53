// ICU's word break iterator, for GongkaiSearch's segmenter.
//
// Two things stand between Swift and Debian's libicu:
// - ICU renames every C symbol with its version through macros (urename.h: ubrk_open is
//   really ubrk_open_72), and Swift does not import such macros. The static inline wrappers
//   below carry stable names; Swift imports static inline functions, and the C compiler
//   expands the renaming inside them (U_ICU_ENTRY_POINT_RENAME, from uconfig.h/uvernum.h).
// - Swift's Foundation on Linux bundles its own ICU (_FoundationICU, a newer version) whose
//   headers define the same enums (UErrorCode, UProperty…) with other members; a module that
//   imports both sets of headers fails to compile. So this header includes no ICU header that
//   defines types: it declares the five functions it needs with plain C types (ICU's enums are
//   int-sized, UBreakIterator is opaque), exactly as ICU's ubrk.h declares them.
#include <stdint.h>
#include <unicode/uconfig.h>
#include <unicode/uvernum.h>

#if U_DISABLE_RENAMING
#define GK_ICU(name) name
#else
#define GK_ICU(name) U_ICU_ENTRY_POINT_RENAME(name)
#endif

/// ICU's UBreakIterator, opaque.
typedef struct GKWordBreaker GKWordBreaker;

/// UBRK_WORD in ICU's UBreakIteratorType.
#define GK_UBRK_WORD 1

GKWordBreaker *GK_ICU(ubrk_open)(int32_t type, const char *locale, const uint16_t *text, int32_t length, int32_t *status);
void GK_ICU(ubrk_setText)(GKWordBreaker *iterator, const uint16_t *text, int32_t length, int32_t *status);
int32_t GK_ICU(ubrk_first)(GKWordBreaker *iterator);
int32_t GK_ICU(ubrk_next)(GKWordBreaker *iterator);
int32_t GK_ICU(ubrk_getRuleStatus)(GKWordBreaker *iterator);
void GK_ICU(ubrk_close)(GKWordBreaker *iterator);

/// A word break iterator for `locale` (`ubrk_open(UBRK_WORD, locale, …)`); `status` is ICU's
/// UErrorCode, failed when above zero.
static inline GKWordBreaker *gk_word_breaker_open(const char *locale, int32_t *status) {
    return GK_ICU(ubrk_open)(GK_UBRK_WORD, locale, 0, 0, status);
}

/// Points the iterator at new text (UTF-16, not copied: keep it alive while iterating).
static inline void gk_word_breaker_set_text(GKWordBreaker *iterator, const uint16_t *text, int32_t length,
                                            int32_t *status) {
    GK_ICU(ubrk_setText)(iterator, text, length, status);
}

static inline int32_t gk_word_breaker_first(GKWordBreaker *iterator) { return GK_ICU(ubrk_first)(iterator); }

/// The next boundary, or -1 (UBRK_DONE) at the end.
static inline int32_t gk_word_breaker_next(GKWordBreaker *iterator) { return GK_ICU(ubrk_next)(iterator); }

/// The rule status of the segment before the current boundary: below 100 for spaces and
/// punctuation; 100–199 numbers, 200–299 letters, 300–399 kana, 400–499 ideographs.
static inline int32_t gk_word_breaker_status(GKWordBreaker *iterator) { return GK_ICU(ubrk_getRuleStatus)(iterator); }

static inline void gk_word_breaker_close(GKWordBreaker *iterator) { GK_ICU(ubrk_close)(iterator); }

/// The ICU version the analysis was made with ("72.1"): part of a cached analysis's key.
static inline const char *gk_icu_version(void) { return U_ICU_VERSION; }

// ICU's transliterator (utrans.h), for ids derived from Chinese names (GongkaiIntake):
// `Han-Latin; Latin-ASCII` turns 平潭 into "ping tan". UTransliterator is opaque; the parse
// error argument may be null; UTRANS_FORWARD is 0.
typedef struct GKTransliterator GKTransliterator;

GKTransliterator *GK_ICU(utrans_openU)(const uint16_t *id, int32_t idLength, int32_t direction, const uint16_t *rules,
                                      int32_t rulesLength, void *parseError, int32_t *status);
void GK_ICU(utrans_transUChars)(const GKTransliterator *trans, uint16_t *text, int32_t *textLength, int32_t textCapacity,
                                int32_t start, int32_t *limit, int32_t *status);
void GK_ICU(utrans_close)(GKTransliterator *trans);

static inline GKTransliterator *gk_transliterator_open(const uint16_t *id, int32_t length, int32_t *status) {
    return GK_ICU(utrans_openU)(id, length, 0, 0, -1, 0, status);
}

/// Transliterates `text` in place; `length` is updated, `capacity` is the buffer's size.
static inline void gk_transliterate(const GKTransliterator *trans, uint16_t *text, int32_t *length, int32_t capacity,
                                    int32_t *status) {
    int32_t limit = *length;
    GK_ICU(utrans_transUChars)(trans, text, length, capacity, 0, &limit, status);
}

static inline void gk_transliterator_close(GKTransliterator *trans) { GK_ICU(utrans_close)(trans); }
