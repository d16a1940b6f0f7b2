import Foundation

/// What the last build wrote into an output folder (in `.public.dossier-manifest` beside
/// `public/`, so the site itself stays exactly what the content makes): each file's
/// size and content hash, and the inode and modification time it had when written. A rebuild
/// leaves a file alone when its new bytes hash the same and the file on disk still has that
/// inode, size and time, so nothing was changed by hand; it removes only files listed here.
struct BuildManifest: Sendable, Equatable {
    /// Where the manifest of the output folder `output` is kept.
    static func path(for output: String) -> String {
        let slash = output.lastIndex(of: "/")
        let name = slash.map { String(output[output.index(after: $0)...]) } ?? output
        let parent = slash.map { String(output[..<$0]) + "/" } ?? ""
        return parent + "." + name + ".dossier-manifest"
    }
    private static let header = "dossier-manifest 1"

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

    init(entries: [String: Entry]) { self.entries = entries }

    /// The manifest of the output folder `output`; nil when there is none or it cannot be
    /// read, and the folder is then rebuilt whole.
    init?(output: String) {
        guard let data = FileManager.default.contents(atPath: BuildManifest.path(for: output)),
              let text = String(data: data, encoding: .utf8) else { return nil }
        var lines = text.split(separator: "\n", omittingEmptySubsequences: true)[...]
        guard lines.popFirst() == Substring(BuildManifest.header) else { return nil }
        var entries: [String: Entry] = [:]
        entries.reserveCapacity(lines.count)
        for line in lines {
            let fields = line.split(separator: " ", maxSplits: 4, omittingEmptySubsequences: false)
            guard fields.count == 5, let hash = UInt64(fields[0], radix: 16), let size = Int64(fields[1]),
                  let inode = UInt64(fields[2]), let modified = Int64(fields[3]), !fields[4].isEmpty else { return nil }
            entries[String(fields[4])] = Entry(hash: hash, stamp: InputScan.Stamp(size: size, modified: modified, inode: inode))
        }
        self.entries = entries
    }

    /// The file's text, one line per path in path order. Paths with a line break (never
    /// written by a build, but a theme asset could be named so) are left out.
    var text: String {
        var text = BuildManifest.header + "\n"
        for path in entries.keys.sorted() where !path.contains("\n") {
            let entry = entries[path]!
            text += String(entry.hash, radix: 16) + " \(entry.stamp.size) \(entry.stamp.inode) \(entry.stamp.modified) " + path + "\n"
        }
        return text
    }
}
