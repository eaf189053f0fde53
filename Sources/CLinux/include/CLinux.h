#ifndef GONGKAI_CLINUX_H
#define GONGKAI_CLINUX_H

/// Atomically exchanges two paths (both must exist). Returns 0 or -1 with errno set.
int gk_rename_exchange(const char *from, const char *to);

/// Removes a file or a directory tree without following symbolic links (like `rm -rf`).
/// Returns 0, or -1 with errno set by the first failure.
int gk_remove_tree(const char *path);

#endif
