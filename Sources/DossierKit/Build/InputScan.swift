import Foundation

/// The input files of a site (content and theme) with their size and modification time,
/// to tell what changed since the last build without reading every file.
struct InputScan: Sendable, Equatable {
    /// What tells a file changed without reading it (also what `BuildManifest` keeps of output files).
    struct Stamp: Sendable, Equatable {
        var size: Int64
        var modified: Int64
        var inode: UInt64

        init(size: Int64, modified: Int64, inode: UInt64) {
            self.size = size
            self.modified = modified
            self.inode = inode
        }

        init(_ info: stat) {
            self.init(size: Int64(info.st_size), modified: Int64(info.st_mtim.tv_sec) * 1_000_000_000 + Int64(info.st_mtim.tv_nsec),
                      inode: UInt64(info.st_ino))
        }
    }

    /// Path relative to the scanned folder's parent ("content/articles/x.md") → stamp.
    private(set) var files: [String: Stamp] = [:]
    /// The same for folders. A rename changes its folder's time even when it is undone at
    /// once (the files' stamps are then as before), so two scans that differ only here still
    /// tell that something moved in between; `changes(since:)` does not list folders.
    private(set) var folders: [String: Stamp] = [:]

    init(content: String, templates: String) {
        var visited = Set<FolderIdentity>()
        scan(content, as: "content", visited: &visited)
        scan(templates, as: "templates", visited: &visited)
    }

    /// Walks with opendir/readdir/fstatat: FileManager's enumerator made scanning 10,000
    /// articles take a tenth of a second, too slow to do on every save. Links are followed
    /// (a linked articles folder is content too), but each folder is entered once, so a
    /// link to a parent (`content/loop -> ..`) ends the walk instead of repeating it forever.
    private mutating func scan(_ root: String, as name: String, visited: inout Set<FolderIdentity>) {
        guard let folder = opendir(root) else { return }
        defer { closedir(folder) }
        let descriptor = dirfd(folder)
        var own = stat()
        guard fstat(descriptor, &own) == 0, visited.insert(FolderIdentity(own)).inserted else { return }
        folders[name] = Stamp(own)
        while let entry = readdir(folder) {
            let entryName = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
            }
            if entryName == "." || entryName == ".." { continue }
            var info = stat()
            guard fstatat(descriptor, entryName, &info, 0) == 0 else { continue }
            if (info.st_mode & S_IFMT) == S_IFDIR {
                scan(root + "/" + entryName, as: name + "/" + entryName, visited: &visited)
            } else if (info.st_mode & S_IFMT) == S_IFREG {
                files[name + "/" + entryName] = Stamp(info)
            }
        }
    }

    /// Files added, removed or changed between `old` and `self`.
    func changes(since old: InputScan) -> Set<String> {
        var changed = Set<String>()
        for (path, stamp) in files where old.files[path] != stamp { changed.insert(path) }
        for path in old.files.keys where files[path] == nil { changed.insert(path) }
        return changed
    }
}
