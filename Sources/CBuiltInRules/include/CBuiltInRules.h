#ifndef ATTUNE_BUILTIN_RULES_H
#define ATTUNE_BUILTIN_RULES_H

#include <stddef.h>

/// The built-in rules as an engine archive (`Engine.compiled()`), compiled from Rules/
/// at build time by attune-compile-rules and embedded as they are (C23 `#embed`): a
/// start reads them in place, with nothing to decode. The pointer lives as long as
/// the program.
const unsigned char *attune_builtin_rules(size_t *count);

/// A fingerprint of those bytes (hex): part of every compiled-rules cache key.
const char *attune_builtin_rules_hash(void);

#endif
