import CNetCDF
import Synchronization

/// The one wrapper of the netCDF C library: a file open for reading, whose variables are read
/// whole. Nothing else in Dossier touches netCDF. The library (and HDF5 under it) is not safe
/// on several threads at once, so a file is opened, read and closed inside `read(_:_:)`, under
/// one process-wide lock; the handle cannot be copied out of it.
struct NetCDFFile: ~Copyable {
    private let id: Int32
    let path: String

    private init(id: Int32, path: String) {
        self.id = id
        self.path = path
    }

    private static let lock = Mutex(())

    /// Opens `path`, hands it to `body` and closes it again.
    static func read<Value: Sendable>(_ path: String, _ body: (borrowing NetCDFFile) throws(NetCDFError) -> Value) throws(NetCDFError) -> Value {
        try lock.withLock { _ throws(NetCDFError) -> Value in
            var id: Int32 = 0
            let status = nc_open(path, NC_NOWRITE, &id)
            guard status == NC_NOERR else { throw NetCDFError(path: path, item: nil, status: status) }
            let file = NetCDFFile(id: id, path: path)
            defer { nc_close(id) }
            return try body(file)
        }
    }

    /// A variable of one value (GSHHG keeps its counts so).
    func int(_ name: String) throws(NetCDFError) -> Int {
        let variable = try variableID(name)
        var index = 0, value: Int32 = 0
        try check(nc_get_var1_int(id, variable, &index, &value), name)
        return Int(value)
    }

    func int32s(_ name: String) throws(NetCDFError) -> [Int32] {
        try whole(name) { file, variable, buffer in nc_get_var_int(file, variable, buffer.baseAddress) }
    }

    func int16s(_ name: String) throws(NetCDFError) -> [Int16] {
        try whole(name) { file, variable, buffer in nc_get_var_short(file, variable, buffer.baseAddress) }
    }

    func doubles(_ name: String) throws(NetCDFError) -> [Double] {
        try whole(name) { file, variable, buffer in nc_get_var_double(file, variable, buffer.baseAddress) }
    }

    /// A text attribute of the file (`NC_GLOBAL`), or nil when it has none.
    func globalText(_ name: String) -> String? {
        var length = 0
        guard nc_inq_attlen(id, NC_GLOBAL, name, &length) == NC_NOERR else { return nil }
        var bytes = [CChar](repeating: 0, count: length)
        guard nc_get_att_text(id, NC_GLOBAL, name, &bytes) == NC_NOERR else { return nil }
        // netCDF text is not NUL-terminated; some writers pad with NULs all the same.
        return String(decoding: bytes.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    private func variableID(_ name: String) throws(NetCDFError) -> Int32 {
        var variable: Int32 = 0
        try check(nc_inq_varid(id, name, &variable), name)
        return variable
    }

    /// Number of values of a variable: the product of its dimensions' lengths.
    private func count(_ variable: Int32, _ name: String) throws(NetCDFError) -> Int {
        var dimensionCount: Int32 = 0
        try check(nc_inq_varndims(id, variable, &dimensionCount), name)
        var dimensions = [Int32](repeating: 0, count: Int(dimensionCount))
        try check(nc_inq_vardimid(id, variable, &dimensions), name)
        var total = 1
        for dimension in dimensions {
            var length = 0
            try check(nc_inq_dimlen(id, dimension, &length), name)
            total *= length
        }
        return total
    }

    private func whole<Element: Numeric>(_ name: String,
                                               _ get: (Int32, Int32, UnsafeMutableBufferPointer<Element>) -> Int32) throws(NetCDFError) -> [Element] {
        let variable = try variableID(name)
        let total = try count(variable, name)
        var status = NC_NOERR
        let values = [Element](unsafeUninitializedCapacity: total) { buffer, initialized in
            // netCDF converts to the element type (and fails on an out-of-range value).
            status = get(id, variable, buffer)
            initialized = status == NC_NOERR ? total : 0
        }
        try check(status, name)
        return values
    }

    private func check(_ status: Int32, _ name: String) throws(NetCDFError) {
        guard status == NC_NOERR else { throw NetCDFError(path: path, item: name, status: status) }
    }
}

/// A netCDF call that failed: the file, the variable it read and the library's message.
struct NetCDFError: Error, Sendable, CustomStringConvertible {
    var path: String
    var item: String?
    var message: String

    init(path: String, item: String?, status: Int32) {
        self.path = path
        self.item = item
        self.message = String(cString: nc_strerror(status))
    }

    var description: String { path + (item.map { " (" + $0 + ")" } ?? "") + ": " + message }
}
