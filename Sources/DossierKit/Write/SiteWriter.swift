import Dispatch
import Foundation
import Synchronization

/// Writes a site so that the output folder always holds one whole site: the old one until
/// the new one is complete, then the new one, in one step.
///
/// Every build writes a new tree beside the output (`.public.dossier-stage-PID`) and swaps
/// it with the output in one rename (`FolderSwap`). A rebuild over a site an earlier build
/// wrote (it has a valid `BuildManifest`) writes only files whose bytes changed; unchanged
/// files are hard links to the old ones (same inode and time, for rsync and HTTP caches),
/// and so are the files no build wrote (a `CNAME`, `.git/`, `pagefind/`). When nothing
/// changed at all, nothing is staged or swapped. Files the new site no longer has go with
/// the old tree. A build deletes nothing else: over a folder with files but no valid
/// manifest it refuses, unless `clean` says to replace the contents (hidden files and
/// `CNAME` are kept even then). Every build starts by removing the debris of killed builds
/// of the same output, recognised by name (`OutputPaths`), under a lock (`OutputLock`).
final class SiteWriter: Sendable {
    let output: String
    private let paths: OutputPaths
    /// Where new files go: the staging folder.
    private let root: String
    /// How the output is there before the build.
    private let mode: Mode
    /// Whether `root` is a spare tree with files in it (else it started empty).
    private let reusing: Bool
    private let lock: OutputLock
    /// Every file of the new site so far, for the new manifest.
    private let written = Mutex<[String: BuildManifest.Entry]>([:])
    private let backgroundFolders = Mutex<[DispatchGroup]>([])
    private let backgroundFailure = Mutex<String?>(nil)

    enum Mode: Sendable {
        /// No output folder yet.
        case fresh
        /// A folder no valid manifest describes (empty, holding only kept files, or `clean`):
        /// its always-kept entries are carried over, the rest replaced.
        case replace
        /// A folder an earlier build wrote, with what that build wrote.
        case update(BuildManifest)
    }

    private var previous: BuildManifest? {
        if case .update(let manifest) = mode { return manifest }
        return nil
    }

    /// Pieces of a file are kept in memory up to this size before it is written out, so that
    /// an unchanged file is never written at all.
    static let spillSize = 1 << 20
    /// What a file written in pieces gathers before each write.
    static let writeSize = 256 << 10

    /// `clean`: replace the contents of an output folder that no build wrote.
    init(output: String, clean: Bool = false) throws {
        // A linked output folder is written where the link points: swapping would otherwise
        // replace the link.
        let display = OutputPaths.folder(output)
        self.output = display
        var info = stat()
        let physical = lstat(display, &info) == 0 && (info.st_mode & S_IFMT) == S_IFLNK ? OutputSafety.canonical(display) : display
        paths = OutputPaths(output: physical)
        lock = try OutputLock(path: paths.lock, output: display)
        SiteWriter.removeDebris(paths)
        mode = try SiteWriter.mode(of: paths.output, display: display, clean: clean)
        if case .update = mode {
            // The tree the last swap took out, brought up to date (most of it is already right).
            root = paths.spare
            reusing = BuildManifest.folderInode(root) != nil
            if !reusing {
                FileTree.remove(root)
                guard mkdir(root, 0o755) == 0 else { throw WriteError(path: root, code: errno) }
            }
        } else {
            FileTree.remove(paths.spare)
            reusing = false
            root = paths.staging
            guard mkdir(root, 0o755) == 0 else { throw WriteError(path: root, code: errno) }
        }
    }

    /// Finishes or removes what killed builds left: a pending manifest of a completed swap
    /// becomes the manifest; an old tree parked by the fallback swap goes back into place;
    /// staged trees are removed.
    static func removeDebris(_ paths: OutputPaths) {
        let aside = paths.beside("aside")
        if BuildManifest.folderInode(paths.output) == nil, BuildManifest.folderInode(aside) != nil {
            _ = rename(aside, paths.output)
        }
        FileTree.remove(aside)
        let pending = BuildManifest.pendingPath(for: paths.output)
        if let data = FileManager.default.contents(atPath: pending) {
            if let manifest = BuildManifest(parsing: data), manifest.folder != nil, manifest.folder == BuildManifest.folderInode(paths.output) {
                _ = rename(pending, BuildManifest.path(for: paths.output))
            } else {
                unlink(pending)
            }
        }
        for entry in FileTree.entries(paths.parent) where paths.isDebris(entry) {
            FileTree.remove(paths.parent + "/" + entry)
        }
    }

    private static func mode(of output: String, display: String, clean: Bool) throws -> Mode {
        var info = stat()
        guard lstat(output, &info) == 0 else { return .fresh }
        guard (info.st_mode & S_IFMT) == S_IFDIR else {
            throw OutputRefusal(output: display, reason: "is not a folder", hint: "remove it or choose another --output")
        }
        // `clean` replaces the contents whatever wrote them.
        if !clean, let manifest = BuildManifest(output: output) { return .update(manifest) }
        // No valid manifest (none, cut off, or one for another folder): this folder's files are not ours.
        let foreign = FileTree.entries(output).filter { !OutputPaths.isAlwaysKept($0) && !OutputPaths.isInnerDebris($0) }.sorted()
        // The old manifest stays until the swap replaces it: a build that fails changes nothing.
        if foreign.isEmpty || clean { return .replace }
        let shown = foreign.prefix(3).joined(separator: ", ") + (foreign.count > 3 ? ", …" : "")
        throw OutputRefusal(output: display,
                            reason: "holds \(foreign.count) entr\(foreign.count == 1 ? "y" : "ies") (\(shown)) that no build of this dossier wrote, and no valid manifest (\(BuildManifest.path(for: output)))",
                            hint: "nothing was deleted; to replace its contents run the build with --clean (hidden files such as .git and CNAME are kept), or choose another --output")
    }

    /// Creates the folders the given files need (before writing them in parallel). When
    /// updating, folders are made as files need them: most files are unchanged, and when all
    /// are, nothing is staged at all.
    func prepareFolders(for paths: [String]) throws {
        guard previous == nil else { return }
        var folders = Set<String>()
        for path in paths {
            if let slash = path.lastIndex(of: "/") { folders.insert(String(path[..<slash])) }
        }
        // Parents first, then each depth's folders.
        let byDepth = Dictionary(grouping: folders) { $0.utf8.filter { $0 == UInt8(ascii: "/") }.count }
        // Folders made in a row in the current parent.
        var created = 0, current = ""
        for depth in byDepth.keys.sorted() {
            // One thread: parallel mkdir in one parent only contends on its lock (measured slower).
            for folder in byDepth[depth]!.sorted() {
                let full = root + "/" + folder
                let parent = String(full[..<full.lastIndex(of: "/")!])
                if parent != current { (current, created) = (parent, 0) }
                created += 1
                if depth > 0 && created % SiteWriter.foldersPerGroup == 1 && SiteWriter.makeInFreshGroup(full, parent: parent) { continue }
                guard mkdir(full, 0o755) != 0 && errno != EEXIST else { continue }
                // A missing parent (a folder named in no path) falls back to the thorough way.
                guard errno == ENOENT else {
                    throw SiteWriteFailure(message: full + ": cannot create folder: " + String(cString: strerror(errno)))
                }
                try FileManager.default.createDirectory(atPath: full, withIntermediateDirectories: true)
            }
        }
    }

    /// How many folders in a row go to one block group (see `makeInFreshGroup`).
    static let foldersPerGroup = 16
    /// `FS_IOC_GETFLAGS`, `FS_IOC_SETFLAGS` and `FS_TOPDIR_FL` (linux/fs.h).
    static let getFlags: UInt = 0x8008_6601, setFlags: UInt = 0x4008_6602, topDirectory = 0x0002_0000

    /// Makes `path` in a block group of its own choosing and lets the folders made after it
    /// in the same parent follow it there: ext4 puts a new folder in its parent's group
    /// (where the previous build, deleted moments before, left thousands of freed inodes that
    /// each new one must skip, being recently deleted: 10,000 article folders took 8.8 s),
    /// unless the parent has the TOPDIR hint of `chattr +T`, and then it reads every block
    /// group's counts to choose (2,000 groups here: about 0.2 ms a folder). With the hint on
    /// for one folder in 16, made under a random name (the group search starts at the
    /// name's hash, and the final name's would lead to the same group as the last build's)
    /// and renamed, the system time of making 10,000 folders and their pages fell from about
    /// 3 s to 1 s. False when the hint cannot be set (another file system): the caller makes
    /// the folder plainly.
    static func makeInFreshGroup(_ path: String, parent: String) -> Bool {
        let descriptor = open(parent, O_RDONLY | O_DIRECTORY)
        guard descriptor >= 0 else { return false }
        defer { close(descriptor) }
        var flags: Int = 0
        guard ioctl(descriptor, getFlags, &flags) == 0 else { return false }
        var hinted = flags | topDirectory
        guard ioctl(descriptor, setFlags, &hinted) == 0 else { return false }
        let temporary = parent + "/.dossier-folder-" + String(UInt64.random(in: 0 ... .max), radix: 36)
        let made = mkdir(temporary, 0o755) == 0
        var plain = flags & ~topDirectory
        _ = ioctl(descriptor, setFlags, &plain)
        guard made else { return false }
        // A writer may have made the folder meanwhile (`create` makes its own when first):
        // rename fails over one with a file in it, and a writer whose file found its empty
        // folder replaced makes it again and retries.
        if rename(temporary, path) == 0 { return true }
        rmdir(temporary)
        return false
    }

    /// Creates the folders for `paths` on another thread, so that creating thousands of
    /// folders (all system time) overlaps with rendering. A write that comes first makes
    /// its own folder.
    func prepareFoldersInBackground(for paths: [String]) {
        guard previous == nil else { return }
        let group = DispatchGroup()
        DispatchQueue.global().async(group: group) {
            do { try self.prepareFolders(for: paths) } catch { self.backgroundFailure.withLock { $0 = "\(error)" } }
        }
        backgroundFolders.withLock { $0.append(group) }
    }

    private func waitForFolders() throws {
        for group in backgroundFolders.withLock({ $0 }) { group.wait() }
        if let failure = backgroundFailure.withLock({ $0 }) { throw SiteWriteFailure(message: failure) }
    }

    /// A file being written: the new bytes of `path`, at `full`.
    private struct NewFile {
        var path: String
        var full: String
        var descriptor: Int32
    }

    /// Opens a new file that will hold `path`'s new bytes, making its folder if need be.
    /// Whatever the spare tree has at that path goes first: a file there may be a hard link
    /// to the live site's, which must never be written into.
    private func create(_ path: String) throws -> NewFile {
        let full = root + "/" + path
        if reusing && unlink(full) != 0 && errno != ENOENT { FileTree.remove(full) }
        var descriptor = open(full, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
        if descriptor < 0 && (errno == ENOENT || errno == ENOTDIR), let slash = full.lastIndex(of: "/") {
            try makeFolder(String(full[..<slash]))
            descriptor = open(full, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
        }
        guard descriptor >= 0 else { throw WriteError(path: full, code: errno) }
        return NewFile(path: path, full: full, descriptor: descriptor)
    }

    /// Creates the file for `path` with `bytes` as its start; nothing is left if that fails.
    private func create(_ path: String, startingWith bytes: UnsafeRawBufferPointer) throws -> NewFile {
        let file = try create(path)
        do {
            try writeAll(file.descriptor, bytes, path: file.full)
        } catch {
            discard(file)
            throw error
        }
        return file
    }

    /// Closes a written file and records it.
    private func finish(_ file: NewFile, hash: UInt64) throws {
        let entry = BuildManifest.Entry(descriptor: file.descriptor, hash: hash)
        guard close(file.descriptor) == 0, let entry else {
            let code = errno
            unlink(file.full)
            throw WriteError(path: file.full, code: code)
        }
        written.withLock { $0[file.path] = entry }
    }

    /// Closes and removes a file that could not be written whole.
    private func discard(_ file: NewFile) {
        close(file.descriptor)
        unlink(file.full)
    }

    /// Makes a folder and its missing parents inside the staging folder; a file of the spare
    /// tree where a folder must now be is removed.
    private func makeFolder(_ folder: String) throws {
        if mkdir(folder, 0o755) == 0 { return }
        switch errno {
        case EEXIST:
            var info = stat()
            if lstat(folder, &info) == 0 && (info.st_mode & S_IFMT) == S_IFDIR { return }
            unlink(folder)
        case ENOENT, ENOTDIR:
            guard let slash = folder.lastIndex(of: "/"), folder.count > root.count else { throw WriteError(path: folder, code: errno) }
            try makeFolder(String(folder[..<slash]))
        default:
            throw WriteError(path: folder, code: errno)
        }
        if mkdir(folder, 0o755) != 0 && errno != EEXIST { throw WriteError(path: folder, code: errno) }
    }

    /// True (and recorded) when the earlier build wrote exactly these bytes to `path` and
    /// the file is still as it left it.
    private func isUnchanged(_ path: String, size: Int, hash: UInt64) -> Bool {
        guard let entry = previous?.entries[path], entry.stamp.size == Int64(size), entry.hash == hash,
              entry.isOnDisk(at: paths.output + "/" + path) else { return false }
        written.withLock { $0[path] = entry }
        return true
    }

    /// Writes one file.
    func write(_ text: String, to path: String) throws {
        var copy = text
        try copy.withUTF8 { bytes in try writeBytes(UnsafeRawBufferPointer(bytes), to: path) }
    }

    /// Writes what `produce` hands on, piece by piece, into one file. When the last build
    /// wrote this path, pieces wait in memory until there are more than `spillSize` bytes
    /// (an unchanged file is then never written); otherwise they go to the file in writes of
    /// about `writeSize` bytes. A data part comes in pieces of one article's rows, and a
    /// write of each made the file system zero the rest of the page it began, once per piece.
    func write(producing produce: (SiteOutput.Emit) -> Void, to path: String) throws {
        var hash = ContentHash()
        var size = 0
        // Held only when there is an earlier file the new one may turn out to equal.
        let mayBeUnchanged = previous?.entries[path] != nil
        var held: [UInt8] = []
        var pending: [UInt8] = []
        var file: NewFile?
        var failure: Error?
        func flush() throws {
            guard !pending.isEmpty else { return }
            try pending.withUnsafeBytes { try writeAll(file!.descriptor, $0, path: file!.full) }
            pending.removeAll(keepingCapacity: true)
        }
        produce { bytes in
            guard failure == nil else { return }
            hash.add(bytes)
            size += bytes.count
            do {
                if file == nil {
                    if mayBeUnchanged && held.count + bytes.count <= SiteWriter.spillSize {
                        held.append(contentsOf: bytes)
                        return
                    }
                    file = try held.withUnsafeBytes { try create(path, startingWith: $0) }
                    held = []
                    pending.reserveCapacity(SiteWriter.writeSize)
                }
                if pending.count + bytes.count > SiteWriter.writeSize { try flush() }
                if bytes.count >= SiteWriter.writeSize {
                    try writeAll(file!.descriptor, bytes, path: file!.full)
                } else {
                    pending.append(contentsOf: bytes)
                }
            } catch {
                failure = error
            }
        }
        if let failure {
            if let file { discard(file) }
            throw failure
        }
        if isUnchanged(path, size: size, hash: hash.value) {
            if let file { discard(file) }
            return
        }
        do { try flush() } catch {
            discard(file!)
            throw error
        }
        if file == nil { file = try held.withUnsafeBytes { try create(path, startingWith: $0) } }
        try finish(file!, hash: hash.value)
    }

    func copyFile(from source: String, to path: String) throws {
        let data = try Data(contentsOf: URL(fileURLWithPath: source))
        try data.withUnsafeBytes { try writeBytes($0, to: path) }
    }

    private func writeBytes(_ bytes: UnsafeRawBufferPointer, to path: String) throws {
        var hash = ContentHash()
        hash.add(bytes)
        if isUnchanged(path, size: bytes.count, hash: hash.value) { return }
        try finish(create(path, startingWith: bytes), hash: hash.value)
    }

    private func writeAll(_ descriptor: Int32, _ bytes: UnsafeRawBufferPointer, path: String) throws {
        var offset = 0
        while offset < bytes.count {
            let written = Glibc.write(descriptor, bytes.baseAddress! + offset, bytes.count - offset)
            if written < 0 {
                if errno == EINTR { continue }
                throw WriteError(path: path, code: errno)
            }
            offset += written
        }
    }

    /// Puts the new site in place. The staged tree is completed (hard links to the old
    /// tree's unchanged files and to the files no build wrote; in the spare tree, what the new
    /// site no longer has goes), its manifest written as pending, the two folders swapped
    /// and the manifest put in place. A rebuild keeps the old tree as the next one's spare; a
    /// first or clean build removes it. A build killed at any point leaves the old site or
    /// the new one in place, and debris the next build removes or completes.
    func commit() throws {
        try waitForFolders()
        let entries = written.withLock { $0 }
        switch mode {
        case .fresh:
            break
        case .replace:
            var kept = Set<String>(), folders = Set<String>()
            for entry in FileTree.entries(paths.output) where OutputPaths.isAlwaysKept(entry) {
                try mirror(entry, kept: &kept, folders: &folders) { _ in true }
            }
        case .update(let previous):
            // Written to the staging folder: every entry that is not the earlier build's own
            // (an unchanged file keeps its entry; a written one has a new inode and time).
            let changed = Set(entries.compactMap { previous.entries[$0.key] == $0.value ? nil : $0.key })
            if changed.isEmpty && entries.count == previous.entries.count {
                // Nothing changed: the site in place is the new site.
                return
            }
            let built = SiteWriter.folders(of: previous)
            var kept = Set<String>(), folders = Set<String>()
            for entry in FileTree.entries(paths.output) {
                // Kept: an unchanged file (same entry), or one no build wrote that the site does not make.
                try mirror(entry, kept: &kept, folders: &folders) { entries[$0] == previous.entries[$0] } keepEmpty: { !built.contains($0) }
            }
            prune("", keep: { changed.contains($0) || kept.contains($0) }, folders: folders)
        }
        guard let folder = BuildManifest.folderInode(root) else { throw WriteError(path: root, code: errno) }
        let manifest = BuildManifest(entries: entries, folder: folder)
        let pending = BuildManifest.pendingPath(for: paths.output)
        if (try? manifest.text.write(toFile: pending, atomically: true, encoding: .utf8)) == nil {
            // Without a manifest the next build would take the site for a foreign folder.
            throw WriteError(path: pending, code: errno)
        }
        if case .fresh = mode {
            guard rename(root, paths.output) == 0 else { throw WriteError(path: paths.output, code: errno) }
        } else {
            try FolderSwap.exchange(root, paths.output, aside: paths.beside("aside"))
        }
        _ = rename(pending, BuildManifest.path(for: paths.output))
        // `root` now names the old tree: the next rebuild's spare, or gone.
        if case .update = mode { return }
        FileTree.remove(root)
    }

    /// Makes the staged tree hold the same file as the old tree at `relative` (an entry of
    /// the output) when `keep` says so, walking folders; records what it kept.
    private func mirror(_ relative: String, kept: inout Set<String>, folders: inout Set<String>,
                        keep: (String) -> Bool, keepEmpty: (String) -> Bool = { _ in true }) throws {
        let source = paths.output + "/" + relative
        var info = stat()
        guard lstat(source, &info) == 0 else { return }
        if (info.st_mode & S_IFMT) == S_IFDIR {
            let children = FileTree.entries(source)
            // An empty folder no build made (`.well-known/` by hand) is kept too.
            if children.isEmpty && keepEmpty(relative) {
                try makeFolder(root + "/" + relative)
                folders.insert(relative)
            }
            for child in children { try mirror(relative + "/" + child, kept: &kept, folders: &folders, keep: keep, keepEmpty: keepEmpty) }
            return
        }
        let name = relative.lastIndex(of: "/").map { String(relative[relative.index(after: $0)...]) } ?? relative
        guard !OutputPaths.isInnerDebris(name), keep(relative) else { return }
        kept.insert(relative)
        let target = root + "/" + relative
        var existing = stat()
        if lstat(target, &existing) == 0 {
            // Already the same file (the spare tree's link from the last build).
            if (info.st_mode & S_IFMT) == S_IFREG && existing.st_ino == info.st_ino && existing.st_dev == info.st_dev { return }
            if unlink(target) != 0 { FileTree.remove(target) }
        }
        do {
            try FileTree.link(source, as: target, info: info)
        } catch let error as WriteError where error.code == ENOENT || error.code == ENOTDIR {
            if let slash = target.lastIndex(of: "/") { try makeFolder(String(target[..<slash])) }
            try FileTree.link(source, as: target, info: info)
        }
    }

    /// Removes from the spare tree what the new site does not have; returns whether the
    /// folder at `relative` is left empty (and was removed).
    @discardableResult
    private func prune(_ relative: String, keep: (String) -> Bool, folders: Set<String>) -> Bool {
        let folder = relative.isEmpty ? root : root + "/" + relative
        var empty = true
        for child in FileTree.entries(folder) {
            let path = relative.isEmpty ? child : relative + "/" + child
            var info = stat()
            guard lstat(folder + "/" + child, &info) == 0 else { continue }
            if (info.st_mode & S_IFMT) == S_IFDIR {
                if !prune(path, keep: keep, folders: folders) { empty = false }
            } else if keep(path) {
                empty = false
            } else {
                unlink(folder + "/" + child)
            }
        }
        guard !relative.isEmpty, empty, !folders.contains(relative) else { return false }
        return rmdir(folder) == 0
    }

    /// Folders holding files an earlier build wrote: such a folder left empty is stale.
    private static func folders(of manifest: BuildManifest) -> Set<String> {
        var folders = Set<String>()
        for path in manifest.entries.keys {
            var current = Substring(path)
            while let slash = current.lastIndex(of: "/") {
                current = current[..<slash]
                guard folders.insert(String(current)).inserted else { break }
            }
        }
        return folders
    }

    /// Drops what this build wrote, leaving the output as it was (a spare tree stays: the
    /// next build brings it up to date whatever it holds).
    func abort() {
        try? waitForFolders()
        if case .update = mode { return }
        FileTree.remove(root)
    }
}

struct WriteError: Error, CustomStringConvertible {
    var path: String
    var code: Int32
    var description: String { "\(path): cannot write: \(String(cString: strerror(code)))" }
}
