import Dispatch
import Foundation
import Synchronization

/// Writes a site so that a failed build leaves the previous one untouched.
///
/// A first build writes into a staging folder beside the output and renames it into place.
/// A rebuild over a site an earlier build wrote (it has a `BuildManifest`) leaves every
/// file whose bytes are unchanged alone (same inode and time, nothing written) and writes a
/// changed file under a temporary name beside its target. Only `commit()` renames those into
/// place and removes the files the site no longer has, so until then the old site is whole;
/// `abort()` removes the temporary files.
public final class SiteWriter: Sendable {
    public let output: String
    /// Where new files go: the staging folder on a first build, the output when updating.
    private let root: String
    /// The earlier build's manifest, when updating.
    private let previous: BuildManifest?
    private var updating: Bool { previous != nil }
    /// Every file written so far, for the new manifest.
    private let written = Mutex<[String: BuildManifest.Entry]>([:])
    /// Updating: paths whose new bytes wait under their temporary name.
    private let pending = Mutex<[String]>([])
    /// Updating: folders this build made in the output (removed again by `abort()`).
    private let madeFolders = Mutex<[String]>([])
    private let backgroundFolders = Mutex<[DispatchGroup]>([])
    private let backgroundFailure = Mutex<String?>(nil)

    /// Pieces of a file are kept in memory up to this size before it is written out, so that
    /// an unchanged file is never written at all.
    static let spillSize = 1 << 20

    public init(output: String) throws {
        let clean = output.hasSuffix("/") && output.count > 1 ? String(output.dropLast()) : output
        self.output = clean
        var isFolder: ObjCBool = false
        let exists = FileManager.default.fileExists(atPath: clean, isDirectory: &isFolder) && isFolder.boolValue
        previous = exists ? BuildManifest(output: clean) : nil
        root = previous != nil ? clean : clean + ".tmp-\(getpid())"
        if previous == nil {
            if FileManager.default.fileExists(atPath: root) { try FileManager.default.removeItem(atPath: root) }
            try FileManager.default.createDirectory(atPath: root, withIntermediateDirectories: true)
        }
    }

    private func temporaryName(_ path: String) -> String {
        let slash = path.lastIndex(of: "/").map { path.index(after: $0) } ?? path.startIndex
        return path[..<slash] + "." + path[slash...] + ".dossier-\(getpid())"
    }

    /// Creates the folders the given files need (before writing them in parallel). When
    /// updating, the folders mostly exist and the few missing ones are made on first write.
    public func prepareFolders(for paths: [String]) throws {
        guard !updating else { return }
        var folders = Set<String>()
        for path in paths {
            if let slash = path.lastIndex(of: "/") { folders.insert(String(path[..<slash])) }
        }
        // Parents first, then each depth's folders.
        let byDepth = Dictionary(grouping: folders) { $0.utf8.filter { $0 == UInt8(ascii: "/") }.count }
        for depth in byDepth.keys.sorted() {
            let level = byDepth[depth]!.sorted()
            defer { if depth == 0 { level.forEach { SiteWriter.spreadSubfolders(root + "/" + $0) } } }
            // One thread: parallel mkdir in one parent only contends on its lock (measured slower).
            for folder in level where mkdir(root + "/" + folder, 0o755) != 0 && errno != EEXIST {
                // A missing parent (a folder named in no path) falls back to the thorough way.
                guard errno == ENOENT else {
                    throw SiteWriteFailure(message: root + "/" + folder + ": cannot create folder: " + String(cString: strerror(errno)))
                }
                try FileManager.default.createDirectory(atPath: root + "/" + folder, withIntermediateDirectories: true)
            }
        }
    }

    /// Asks ext4 to spread a folder's subfolders over block groups (the TOPDIR hint of
    /// `chattr +T`). Without it, ext4 puts them in the parent's group, where a site deleted
    /// moments before (the previous build) leaves thousands of recently freed inodes that
    /// each new one must skip: creating 10,000 article folders went from 8.8 s to 1.7 s.
    /// Other file systems ignore or refuse the hint; either is fine.
    static func spreadSubfolders(_ path: String) {
        let descriptor = open(path, O_RDONLY | O_DIRECTORY)
        guard descriptor >= 0 else { return }
        defer { close(descriptor) }
        var flags: Int = 0
        let getFlags: UInt = 0x8008_6601, setFlags: UInt = 0x4008_6602, topDirectory = 0x0002_0000
        guard ioctl(descriptor, getFlags, &flags) == 0 else { return }
        flags |= topDirectory
        _ = ioctl(descriptor, setFlags, &flags)
    }

    /// Creates the folders for `paths` on another thread, so that creating thousands of
    /// folders (all system time) overlaps with rendering. A write that comes first makes
    /// its own folder.
    public func prepareFoldersInBackground(for paths: [String]) {
        guard !updating else { return }
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

    /// Opens the file that will hold `path`'s new bytes, making its folder if need be.
    private func create(_ path: String) throws -> NewFile {
        let full = root + "/" + (updating ? temporaryName(path) : path)
        var descriptor = open(full, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        if descriptor < 0 && errno == ENOENT, let slash = full.lastIndex(of: "/") {
            try makeFolder(String(full[..<slash]))
            descriptor = open(full, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
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
        if updating { pending.withLock { $0.append(file.path) } }
    }

    /// Closes and removes a file that could not be written whole.
    private func discard(_ file: NewFile) {
        close(file.descriptor)
        unlink(file.full)
    }

    /// Makes a folder and its missing parents, remembering (when updating) the outermost
    /// one made so that `abort()` can take it away again.
    private func makeFolder(_ folder: String) throws {
        var outermost = folder
        while let slash = outermost.lastIndex(of: "/"), !FileManager.default.fileExists(atPath: String(outermost[..<slash])) {
            outermost = String(outermost[..<slash])
        }
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        if updating { madeFolders.withLock { $0.append(outermost) } }
    }

    /// True (and recorded) when the earlier build wrote exactly these bytes to `path` and
    /// the file is still as it left it.
    private func isUnchanged(_ path: String, size: Int, hash: UInt64) -> Bool {
        guard let entry = previous?.entries[path], entry.stamp.size == Int64(size), entry.hash == hash,
              entry.isOnDisk(at: output + "/" + path) else { return false }
        written.withLock { $0[path] = entry }
        return true
    }

    /// Writes one file.
    public func write(_ text: String, to path: String) throws {
        var copy = text
        try copy.withUTF8 { bytes in try writeBytes(UnsafeRawBufferPointer(bytes), to: path) }
    }

    /// Writes what `produce` hands on, piece by piece, into one file. When the last build
    /// wrote this path, pieces wait in memory until there are more than `spillSize` bytes
    /// (an unchanged file is then never written); otherwise they go to the file as they come.
    public func write(producing produce: (SiteOutput.Emit) -> Void, to path: String) throws {
        var hash = ContentHash()
        var size = 0
        // Held only when there is an earlier file the new one may turn out to equal.
        let mayBeUnchanged = previous?.entries[path] != nil
        var held: [UInt8] = []
        var file: NewFile?
        var failure: Error?
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
                }
                try writeAll(file!.descriptor, bytes, path: file!.full)
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
        if file == nil { file = try held.withUnsafeBytes { try create(path, startingWith: $0) } }
        try finish(file!, hash: hash.value)
    }

    public func copyFile(from source: String, to path: String) throws {
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

    /// Puts the new site in place: renames the staging folder over the output, or (when
    /// updating) each changed file over its old one and removes what the site no longer has;
    /// then records what was written in the manifest.
    public func commit() throws {
        try waitForFolders()
        let entries = written.withLock { $0 }
        if let previous {
            for path in pending.withLock({ $0 }) {
                let final = output + "/" + path
                if rename(output + "/" + temporaryName(path), final) != 0 {
                    // A folder where the file now goes: the folder is out of date.
                    guard errno == EISDIR || errno == ENOTEMPTY || errno == EEXIST else { throw WriteError(path: final, code: errno) }
                    try FileManager.default.removeItem(atPath: final)
                    if rename(output + "/" + temporaryName(path), final) != 0 { throw WriteError(path: final, code: errno) }
                }
            }
            StaleOutput.remove(from: output, previous: previous, kept: Set(entries.keys))
            writeManifest(BuildManifest(entries: entries))
            return
        }
        // A manifest left by a build whose output was since replaced would be wrong.
        unlink(BuildManifest.path(for: output))
        let files = FileManager.default
        let old = output + ".old-\(getpid())"
        if files.fileExists(atPath: output) { try files.moveItem(atPath: output, toPath: old) }
        do {
            try files.moveItem(atPath: root, toPath: output)
        } catch {
            if files.fileExists(atPath: old) { try? files.moveItem(atPath: old, toPath: output) }
            throw error
        }
        if files.fileExists(atPath: old) { try files.removeItem(atPath: old) }
        writeManifest(BuildManifest(entries: entries))
    }

    /// Records what was written. Only an optimisation for the next build: when it cannot be
    /// written, none is left, and the next build writes every file again.
    private func writeManifest(_ manifest: BuildManifest) {
        let path = BuildManifest.path(for: output)
        if (try? manifest.text.write(toFile: path, atomically: true, encoding: .utf8)) == nil { unlink(path) }
    }

    /// Drops what this build wrote, leaving the output as it was.
    public func abort() {
        try? waitForFolders()
        guard updating else {
            try? FileManager.default.removeItem(atPath: root)
            return
        }
        for path in pending.withLock({ $0 }) { unlink(output + "/" + temporaryName(path)) }
        for folder in madeFolders.withLock({ $0 }) { try? FileManager.default.removeItem(atPath: folder) }
    }
}

public struct WriteError: Error, CustomStringConvertible {
    public var path: String
    public var code: Int32
    public var description: String { "\(path): cannot write: \(String(cString: strerror(code)))" }
}
