import Foundation

/// Mirrors a built site into a folder: copies what is new or changed (a file whose size and
/// modification time match is left untouched, as rsync's quick check does; copies keep
/// the site's time), and removes the files an earlier publish put there that the site no
/// longer has. What no publish wrote (files of the web server's own, hidden files, `CNAME`)
/// is never removed. Each file is written under a temporary name and renamed into place,
/// so a reader never sees half a file. A list of what was published is kept beside the
/// folder (`.NAME.dossier-published`).
enum FolderPublisher {
    static func publish(_ site: SiteFiles, to target: String, meter: BuildProgress? = nil) throws -> PublishReport {
        let paths = OutputPaths(output: target)
        let record = paths.beside("published")
        let previous = Set((try? String(contentsOfFile: record, encoding: .utf8))?.split(separator: "\n").map(String.init)
                            .filter { BuildManifest.isSafe(Substring($0)) } ?? [])
        try FileManager.default.createDirectory(atPath: target, withIntermediateDirectories: true)
        var changed = 0
        meter?.begin("copying files", total: site.files.count)
        for file in site.files {
            defer { meter?.advance() }
            let destination = target + "/" + file.path
            var info = stat()
            if lstat(destination, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG, Int64(info.st_size) == file.size,
               Int64(info.st_mtim.tv_sec) * 1_000_000_000 + Int64(info.st_mtim.tv_nsec) == file.modified {
                continue
            }
            try copy(site.root + "/" + file.path, to: destination, modified: file.modified)
            changed += 1
        }
        let now = Set(site.files.map(\.path))
        var removed = 0
        for path in previous.subtracting(now).sorted() {
            let first = String(path.split(separator: "/").first ?? "")
            guard !OutputPaths.isAlwaysKept(first), !path.split(separator: "/").contains(where: { $0.hasPrefix(".") }) else { continue }
            if unlink(target + "/" + path) == 0 {
                removed += 1
                removeEmptyParents(of: path, in: target)
            }
        }
        try (site.files.map(\.path).joined(separator: "\n") + "\n").write(toFile: record, atomically: true, encoding: .utf8)
        return PublishReport(files: site.files.count, changed: changed, removed: removed, commit: nil)
    }

    private static func copy(_ source: String, to destination: String, modified: Int64) throws {
        let slash = destination.lastIndex(of: "/")!
        let folder = String(destination[..<slash])
        var info = stat()
        if lstat(folder, &info) == 0 && (info.st_mode & S_IFMT) != S_IFDIR { unlink(folder) }
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let temporary = folder + "/." + destination[destination.index(after: slash)...] + ".dossier-publish-\(getpid())"
        unlink(temporary)
        var sourceInfo = stat()
        guard stat(source, &sourceInfo) == 0 else { throw WriteError(path: source, code: errno) }
        do {
            try FileTree.link(source, as: temporary, info: sourceInfo, copying: true)
            var times = [timespec(tv_sec: Int(modified / 1_000_000_000), tv_nsec: Int(modified % 1_000_000_000)),
                         timespec(tv_sec: Int(modified / 1_000_000_000), tv_nsec: Int(modified % 1_000_000_000))]
            guard utimensat(AT_FDCWD, temporary, &times, 0) == 0 else { throw WriteError(path: temporary, code: errno) }
            if rename(temporary, destination) != 0 {
                guard errno == EISDIR || errno == ENOTEMPTY else { throw WriteError(path: destination, code: errno) }
                FileTree.remove(destination)
                guard rename(temporary, destination) == 0 else { throw WriteError(path: destination, code: errno) }
            }
        } catch {
            unlink(temporary)
            throw error
        }
    }

    private static func removeEmptyParents(of path: String, in root: String) {
        var current = Substring(path)
        while let slash = current.lastIndex(of: "/") {
            current = current[..<slash]
            guard rmdir(root + "/" + current) == 0 else { return }
        }
    }
}
