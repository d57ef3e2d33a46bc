// The system's SQLite (Debian/Ubuntu: libsqlite3-dev), the one copy of SQLite in the process:
// the store's connections, its checkpoints and its native statements all call it
// (Sources/Store/SQLite, docs/ARCHITECTURE.md "Dependencies").
#include <sqlite3.h>
