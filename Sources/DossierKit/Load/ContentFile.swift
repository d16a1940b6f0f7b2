import Foundation

/// Reading content files as UTF-8 text, with the errors a person can act on.
enum ContentFile {
    /// Largest content file read (a bigger one is refused, not loaded into memory).
    static let maximumSize = 64 * 1024 * 1024

    static func readText(_ path: String, display: String) -> Result<String, Diagnostic> {
        guard let handle = FileHandle(forReadingAtPath: path) else {
            return .failure(.error(display, nil, "cannot read the file", hint: "check that it exists and is readable"))
        }
        defer { try? handle.close() }
        let data: Data
        do {
            data = try handle.read(upToCount: maximumSize + 1) ?? Data()
        } catch {
            return .failure(.error(display, nil, "cannot read the file: \(error.localizedDescription)"))
        }
        if data.count > maximumSize {
            return .failure(.error(display, nil, "file is larger than \(maximumSize / 1024 / 1024) MB",
                                   hint: "split it into several articles"))
        }
        guard var text = String(validating: data, as: UTF8.self) else {
            let line = firstInvalidLine(data)
            return .failure(.error(display, line, "not UTF-8 text", hint: "convert it to UTF-8, e.g. with iconv"))
        }
        if text.hasPrefix("\u{FEFF}") { text.removeFirst() }
        if text.utf8.contains(13) { text = text.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n") }
        return .success(text)
    }

    /// Line of the first byte sequence that is not UTF-8.
    static func firstInvalidLine(_ data: Data) -> Int {
        var line = 1
        var start = data.startIndex
        for index in data.indices where data[index] == 10 {
            if String(validating: data[start..<index], as: UTF8.self) == nil { return line }
            line += 1
            start = index + 1
        }
        return line
    }
}
