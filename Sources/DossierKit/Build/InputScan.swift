import Foundation

/// The input files of a site (content and theme) with their size and modification time,
/// to tell what changed since the last build without reading every file.
public struct InputScan: Sendable, Equatable {
    public struct Stamp: Sendable, Equatable {
        var size: Int64
        var modified: Int64
        var inode: UInt64
    }

    /// Path relative to the scanned folder's parent ("content/articles/x.md") → stamp.
    public private(set) var files: [String: Stamp] = [:]

    public init(content: String, templates: String) {
        scan(content, as: "content")
        scan(templates, as: "templates")
    }

    private mutating func scan(_ root: String, as name: String) {
        guard let enumerator = FileManager.default.enumerator(atPath: root) else { return }
        for case let relative as String in enumerator {
            var info = stat()
            guard stat(root + "/" + relative, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else { continue }
            files[name + "/" + relative] = Stamp(size: Int64(info.st_size),
                                                 modified: Int64(info.st_mtim.tv_sec) * 1_000_000_000 + Int64(info.st_mtim.tv_nsec),
                                                 inode: UInt64(info.st_ino))
        }
    }

    /// Files added, removed or changed between `old` and `self`.
    public func changes(since old: InputScan) -> Set<String> {
        var changed = Set<String>()
        for (path, stamp) in files where old.files[path] != stamp { changed.insert(path) }
        for path in old.files.keys where files[path] == nil { changed.insert(path) }
        return changed
    }
}
