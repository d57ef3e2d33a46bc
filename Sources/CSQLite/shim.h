// The system's SQLite (Debian/Ubuntu: libsqlite3-dev), the one copy of SQLite in the process:
// the store's connections, its checkpoints and its native statements all call it
// (Sources/Store/SQLite, docs/ARCHITECTURE.md "Dependencies").
#include <sqlite3.h>

// Memory statistics off, as SQLite's own performance advice has it: with them on (the
// distribution's default) every allocation takes a process-wide mutex. Must run before SQLite
// initialises; `sqlite3_config` is variadic, which Swift cannot call.
static inline int jcskills_sqlite3_configure(void) {
    return sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);
}
