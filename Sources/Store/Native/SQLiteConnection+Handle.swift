import SQLiteKit

extension SQLiteConnection {
    /// The connection's `sqlite3` handle, for ``SQLiteDirectConnection/init(borrowing:)``; nil
    /// if this version of SQLiteNIO keeps it where this does not look.
    ///
    /// SQLiteNIO keeps the handle internal (`handle.raw`) and offers no way to prepare a
    /// statement once and run it many times. Reflection reads the stored property without
    /// changing SQLiteNIO. Nothing depends on finding it: without it a write transaction's
    /// native statements go through SQLiteNIO as before, slower, and a store test fails so an
    /// upgrade that moved it does not go unnoticed.
    var borrowedHandle: OpaquePointer? {
        Mirror(reflecting: self).descendant("handle", "raw") as? OpaquePointer
    }
}
