#ifndef GONGKAI_CLINUX_H
#define GONGKAI_CLINUX_H

/// Atomically exchanges two paths (both must exist). Returns 0 or -1 with errno set.
int gk_rename_exchange(const char *from, const char *to);

#endif
