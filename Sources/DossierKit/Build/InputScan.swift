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

    /// The scan as it would be now, when only `paths` (and the folders holding them) changed
    /// since this one was made: each path is looked at again and nothing else. Nil when that
    /// cannot tell (a folder made, removed or replaced; a path outside both folders): then
    /// scan everything. `content` and `templates` are the folders as `paths` name them.
    func updated(at paths: Set<String>, content: String, templates: String) -> InputScan? {
        var result = self
        for path in paths {
            guard let name = Self.name(of: path, roots: [(content, "content"), (templates, "templates")]) else { return nil }
            // A folder's entries must be walked (a link in it may lead anywhere): scan all.
            guard folders[name] == nil else { return nil }
            var info = stat()
            if stat(path, &info) == 0 {
                switch info.st_mode & S_IFMT {
                case S_IFREG: result.files[name] = Stamp(info)
                case S_IFDIR: return nil
                default: result.files[name] = nil
                }
            } else {
                result.files[name] = nil
            }
            // The folder holding it moved too (an entry made, removed or renamed).
            let slash = path.lastIndex(of: "/")!, parentName = String(name[..<name.lastIndex(of: "/")!])
            guard folders[parentName] != nil else { return nil }
            var parent = stat()
            guard stat(String(path[..<slash]), &parent) == 0 else { return nil }
            result.folders[parentName] = Stamp(parent)
        }
        return result
    }

    /// "content/articles/x.md" for a path under `roots`' first folder named "content".
    private static func name(of path: String, roots: [(folder: String, name: String)]) -> String? {
        for root in roots {
            let prefix = root.folder.withoutTrailingSlashes + "/"
            if path.hasPrefix(prefix), path.count > prefix.count { return root.name + "/" + path.dropFirst(prefix.count) }
        }
        return nil
    }

    /// Files added, removed or changed between `old` and `self`.
    func changes(since old: InputScan) -> Set<String> {
        var changed = Set<String>()
        for (path, stamp) in files where old.files[path] != stamp { changed.insert(path) }
        for path in old.files.keys where files[path] == nil { changed.insert(path) }
        return changed
    }
}
