#ifndef GONGKAI_CLINUX_H
#define GONGKAI_CLINUX_H

/// Atomically exchanges two paths (both must exist). Returns 0 or -1 with errno set.
int gk_rename_exchange(const char *from, const char *to);

/// Removes a file or a directory tree without following symbolic links (like `rm -rf`).
/// Returns 0, or -1 with errno set by the first failure.
int gk_remove_tree(const char *path);

#include <stddef.h>

/// Whether `needle` occurs in `haystack` (glibc's `memmem`, which Swift's Glibc module does not
/// declare without _GNU_SOURCE). Returns 1 or 0.
int gk_contains_bytes(const void *haystack, size_t haystack_length, const void *needle, size_t needle_length);

#endif
