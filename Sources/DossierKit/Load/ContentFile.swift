import Foundation

/// Reading content files as UTF-8 text, with the errors a person can act on.
enum ContentFile {
    /// Largest content file read (a bigger one is refused, not loaded into memory).
    static let maximumSize = 64 * 1024 * 1024

    static func readText(_ path: String, display: String) -> Result<String, Diagnostic> {
        // Without O_NONBLOCK, opening a named pipe would wait for a writer forever.
        let descriptor = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
        guard descriptor >= 0 else {
            let reason = String(cString: strerror(errno))
            return .failure(.error(display, nil, "cannot read the file: \(reason)", hint: "check that it exists and is readable"))
        }
        let handle = FileHandle(fileDescriptor: descriptor, closeOnDealloc: true)
        var info = stat()
        guard fstat(descriptor, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else {
            return .failure(.error(display, nil, "not a regular file (a folder, pipe or device)",
                                   hint: "move it out of the content folder"))
        }
        if info.st_size > maximumSize {
            return .failure(.error(display, nil, "file is larger than \(maximumSize / 1024 / 1024) MB",
                                   hint: "split it into several articles"))
        }
        let data: Data
        do {
            data = try handle.read(upToCount: maximumSize + 1) ?? Data()
        } catch {
            return .failure(.error(display, nil, "cannot read the file: \(error.localizedDescription)"))
        }
        // A file that grew after fstat is refused too.
        if data.count > maximumSize {
            return .failure(.error(display, nil, "file is larger than \(maximumSize / 1024 / 1024) MB",
                                   hint: "split it into several articles"))
        }
        guard var text = String(validating: data, as: UTF8.self) else {
            let line = firstInvalidLine(data)
            return .failure(.error(display, line, "not UTF-8 text", hint: "convert it to UTF-8, e.g. with iconv"))
        }
        if text.hasPrefix("\u{FEFF}") { text.removeFirst() }
        if text.utf8.withContiguousStorageIfAvailable({ $0.isEmpty ? false : memchr($0.baseAddress!, 13, $0.count) != nil }) ?? text.utf8.contains(13) { text = text.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n") }
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
