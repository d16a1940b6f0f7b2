import Foundation

/// Folder operations that never follow a link: removing a whole tree, and recreating an
/// entry of one tree in another by hard link (a link is made again as a link, a named pipe
/// as a pipe). Used for the staged tree of a build and for the debris of killed builds.
enum FileTree {
    /// Removes `path` and, if it is a folder, everything in it. Links are removed, never
    /// followed. Returns false when something could not be removed.
    @discardableResult
    static func remove(_ path: String) -> Bool {
        var info = stat()
        guard lstat(path, &info) == 0 else { return errno == ENOENT }
        guard (info.st_mode & S_IFMT) == S_IFDIR else { return unlink(path) == 0 || errno == ENOENT }
        guard let folder = opendir(path) else { return false }
        var ok = true
        while let entry = readdir(folder) {
            let name = entryName(entry)
            if name == "." || name == ".." { continue }
            ok = remove(path + "/" + name) && ok
        }
        closedir(folder)
        return rmdir(path) == 0 && ok
    }

    /// The names in a folder (no `.` and `..`); empty when it cannot be read.
    static func entries(_ path: String) -> [String] {
        guard let folder = opendir(path) else { return [] }
        defer { closedir(folder) }
        var names: [String] = []
        while let entry = readdir(folder) {
            let name = entryName(entry)
            if name != "." && name != ".." { names.append(name) }
        }
        return names
    }

    static func entryName(_ entry: UnsafeMutablePointer<dirent>) -> String {
        withUnsafeBytes(of: entry.pointee.d_name) { raw in String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self) }
    }

    /// Makes `target` the same file as `source` (a hard link: same inode, same time), or for
    /// a link or a pipe, a new one like it. Falls back to a copy where hard links are
    /// refused (too many links, a file system without them).
    /// `copying`: always a copy (a published folder must not share files with the site).
    static func link(_ source: String, as target: String, info: stat, copying: Bool = false) throws {
        switch info.st_mode & S_IFMT {
        case S_IFREG:
            if copying { return try copy(source, to: target, mode: info.st_mode & 0o7777) }
            if Glibc.link(source, target) == 0 { return }
            guard errno == EMLINK || errno == EPERM || errno == EXDEV || errno == ENOTSUP else { throw WriteError(path: target, code: errno) }
            try copy(source, to: target, mode: info.st_mode & 0o7777)
        case S_IFLNK:
            var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
            let count = readlink(source, &buffer, buffer.count - 1)
            guard count >= 0 else { throw WriteError(path: source, code: errno) }
            buffer[count] = 0
            if symlink(buffer, target) != 0 { throw WriteError(path: target, code: errno) }
        case S_IFIFO:
            if mkfifo(target, info.st_mode & 0o7777) != 0 { throw WriteError(path: target, code: errno) }
        default:
            // Sockets and devices hold no data; a build never puts one in a site.
            return
        }
    }

    private static func copy(_ source: String, to target: String, mode: mode_t) throws {
        let input = open(source, O_RDONLY | O_CLOEXEC)
        guard input >= 0 else { throw WriteError(path: source, code: errno) }
        defer { close(input) }
        let output = open(target, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, mode)
        guard output >= 0 else { throw WriteError(path: target, code: errno) }
        defer { close(output) }
        var buffer = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let count = buffer.withUnsafeMutableBytes { read(input, $0.baseAddress, $0.count) }
            if count < 0 && errno == EINTR { continue }
            guard count >= 0 else { throw WriteError(path: source, code: errno) }
            if count == 0 { return }
            var offset = 0
            while offset < count {
                let written = buffer.withUnsafeBytes { Glibc.write(output, $0.baseAddress! + offset, count - offset) }
                if written < 0 && errno == EINTR { continue }
                guard written >= 0 else { throw WriteError(path: target, code: errno) }
                offset += written
            }
        }
    }
}
