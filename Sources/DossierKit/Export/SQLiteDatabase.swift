import CSQLite
import Foundation

/// The one wrapper of the SQLite C library: a database connection and its prepared
/// statements. Nothing else in Dossier touches SQLite's pointers.
final class SQLiteDatabase {
    private var handle: OpaquePointer?
    let path: String

    init(creating path: String) throws {
        self.path = path
        guard sqlite3_open_v2(path, &handle, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, nil) == SQLITE_OK else {
            let message = handle.map { String(cString: sqlite3_errmsg($0)) } ?? "cannot open"
            sqlite3_close(handle)
            handle = nil
            throw SQLiteError(path: path, message: message)
        }
    }

    deinit { sqlite3_close(handle) }

    func execute(_ sql: String) throws {
        var error: UnsafeMutablePointer<CChar>?
        guard sqlite3_exec(handle, sql, nil, nil, &error) == SQLITE_OK else {
            let message = error.map { String(cString: $0) } ?? lastError
            sqlite3_free(error)
            throw SQLiteError(path: path, message: message)
        }
    }

    var lastError: String { String(cString: sqlite3_errmsg(handle)) }

    func prepare(_ sql: String) throws -> Statement {
        var statement: OpaquePointer?
        guard sqlite3_prepare_v2(handle, sql, -1, &statement, nil) == SQLITE_OK, let statement else {
            throw SQLiteError(path: path, message: lastError)
        }
        return Statement(statement: statement, database: self)
    }

    /// A prepared statement, run once per row of values.
    final class Statement {
        private let statement: OpaquePointer
        private let database: SQLiteDatabase

        fileprivate init(statement: OpaquePointer, database: SQLiteDatabase) {
            self.statement = statement
            self.database = database
        }

        deinit { sqlite3_finalize(statement) }

        enum Value {
            case text(String)
            case integer(Int)
            case real(Double)
            case null
        }

        /// Binds `values` in order, runs the statement and resets it.
        func run(_ values: [Value]) throws {
            // SQLITE_TRANSIENT: SQLite copies the text before the Swift string goes away.
            let transient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)
            for (offset, value) in values.enumerated() {
                let position = Int32(offset + 1)
                switch value {
                case .text(let text): sqlite3_bind_text(statement, position, text, -1, transient)
                case .integer(let number): sqlite3_bind_int64(statement, position, sqlite3_int64(number))
                case .real(let number): sqlite3_bind_double(statement, position, number)
                case .null: sqlite3_bind_null(statement, position)
                }
            }
            let result = sqlite3_step(statement)
            sqlite3_reset(statement)
            sqlite3_clear_bindings(statement)
            guard result == SQLITE_DONE || result == SQLITE_ROW else {
                throw SQLiteError(path: database.path, message: database.lastError)
            }
        }

        /// The rows a query gives, each as its columns' text (nil for NULL).
        func rows() throws -> [[String?]] {
            var rows: [[String?]] = []
            while true {
                let result = sqlite3_step(statement)
                if result == SQLITE_DONE { break }
                guard result == SQLITE_ROW else { throw SQLiteError(path: database.path, message: database.lastError) }
                rows.append((0..<sqlite3_column_count(statement)).map { column in
                    sqlite3_column_text(statement, column).map { String(cString: $0) }
                })
            }
            sqlite3_reset(statement)
            return rows
        }
    }
}

struct SQLiteError: Error, Sendable, CustomStringConvertible {
    var path: String
    var message: String
    var description: String { "\(path): \(message)" }
}
