import Foundation

/// What the last build wrote into an output folder (in `.public.dossier-manifest` beside
/// `public/`, so the site itself stays exactly what the content makes): each file's
/// size and content hash, and the inode and modification time it had when written; and the
/// inode of the output folder it describes, so that a manifest is never applied to another
/// folder (one replaced by hand, or the old tree of an interrupted swap).
///
/// The manifest is what lets a build delete anything, so it is read strictly: a wrong
/// header, a line that does not parse, a path that is absolute or climbs out (`..`), a
/// missing or wrong `end` line (a file cut off, or lines lost) makes it invalid as a whole,
/// and the folder is then treated as one no build wrote.
struct BuildManifest: Sendable, Equatable {
    /// Where the manifest of the output folder `output` is kept.
    static func path(for output: String) -> String {
        OutputPaths(output: output).beside("manifest")
    }

    /// A manifest written for a tree about to be swapped in; it becomes the manifest once
    /// the swap is done. A build killed between the two finds it here.
    static func pendingPath(for output: String) -> String {
        OutputPaths(output: output).beside("manifest-pending")
    }

    private static let header = "dossier-manifest 2"
    /// The previous version's format: no folder identity and no end line. Still read, so an
    /// upgrade does not make every existing output look foreign.
    private static let headerVersion1 = "dossier-manifest 1"

    struct Entry: Sendable, Equatable {
        var hash: UInt64
        /// Size, inode and modification time when written.
        var stamp: InputScan.Stamp

        /// Whether the file at `path` is still exactly as it was written.
        func isOnDisk(at path: String) -> Bool {
            var info = stat()
            return lstat(path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFREG && InputScan.Stamp(info) == stamp
        }

        /// The entry of an open file just written.
        init?(descriptor: Int32, hash: UInt64) {
            var info = stat()
            guard fstat(descriptor, &info) == 0 else { return nil }
            self.init(hash: hash, stamp: InputScan.Stamp(info))
        }

        init(hash: UInt64, stamp: InputScan.Stamp) {
            self.hash = hash
            self.stamp = stamp
        }
    }

    /// Site-relative path → entry.
    var entries: [String: Entry]
    /// Inode of the output folder these entries describe (nil in a version 1 manifest).
    var folder: UInt64?

    init(entries: [String: Entry], folder: UInt64?) {
        self.entries = entries
        self.folder = folder
    }

    /// The manifest of the output folder `output`: the one beside it, or a pending one left by
    /// a build killed right after its swap, whichever describes the folder that is there now.
    /// Nil when there is none that is valid for it.
    init?(output: String) {
        guard let folder = BuildManifest.folderInode(output) else { return nil }
        for path in [BuildManifest.path(for: output), BuildManifest.pendingPath(for: output)] {
            guard let data = FileManager.default.contents(atPath: path), let manifest = BuildManifest(parsing: data) else { continue }
            if manifest.folder == nil || manifest.folder == folder {
                self = manifest
                return
            }
        }
        return nil
    }

    static func folderInode(_ path: String) -> UInt64? {
        var info = stat()
        guard lstat(path, &info) == 0, (info.st_mode & S_IFMT) == S_IFDIR else { return nil }
        return UInt64(info.st_ino)
    }

    /// Parses a manifest's bytes; nil unless every line is valid and (version 2) the end line
    /// counts every entry and matches the hash of all that comes before it.
    init?(parsing data: Data) {
        guard let text = String(data: data, encoding: .utf8), text.hasSuffix("\n") else { return nil }
        var lines = text.dropLast().split(separator: "\n", omittingEmptySubsequences: false)[...]
        guard let first = lines.popFirst() else { return nil }
        let version1 = first == Substring(BuildManifest.headerVersion1)
        guard version1 || first == Substring(BuildManifest.header) else { return nil }
        var folder: UInt64?
        if !version1 {
            guard let end = lines.popLast(), let rootLine = lines.popFirst(), rootLine.hasPrefix("folder "),
                  let inode = UInt64(rootLine.dropFirst("folder ".count)) else { return nil }
            folder = inode
            let bodyEnd = text.utf8.index(text.utf8.endIndex, offsetBy: -(end.utf8.count + 1))
            var hash = ContentHash()
            hash.add(String(text[..<bodyEnd]))
            guard end == "end \(lines.count) " + String(hash.value, radix: 16) else { return nil }
        }
        var entries: [String: Entry] = [:]
        entries.reserveCapacity(lines.count)
        for line in lines {
            let fields = line.split(separator: " ", maxSplits: 4, omittingEmptySubsequences: false)
            guard fields.count == 5, let hash = UInt64(fields[0], radix: 16), let size = Int64(fields[1]),
                  let inode = UInt64(fields[2]), let modified = Int64(fields[3]),
                  BuildManifest.isSafe(fields[4]), entries[String(fields[4])] == nil else { return nil }
            entries[String(fields[4])] = Entry(hash: hash, stamp: InputScan.Stamp(size: size, modified: modified, inode: inode))
        }
        self.entries = entries
        self.folder = folder
    }

    /// A path a build could have written: relative, no empty, `.` or `..` segment, no NUL.
    static func isSafe(_ path: Substring) -> Bool {
        guard !path.isEmpty, !path.utf8.contains(0) else { return false }
        return path.split(separator: "/", omittingEmptySubsequences: false).allSatisfy { !$0.isEmpty && $0 != "." && $0 != ".." }
    }

    /// The file's text, one line per path in path order, then the end line. Paths with a line
    /// break (never written by a build, but a theme asset could be named so) are left out.
    var text: String {
        var text = BuildManifest.header + "\nfolder \(folder ?? 0)\n"
        var count = 0
        for path in entries.keys.sorted() where !path.contains("\n") {
            let entry = entries[path]!
            text += String(entry.hash, radix: 16) + " \(entry.stamp.size) \(entry.stamp.inode) \(entry.stamp.modified) " + path + "\n"
            count += 1
        }
        var hash = ContentHash()
        hash.add(text)
        return text + "end \(count) " + String(hash.value, radix: 16) + "\n"
    }
}
