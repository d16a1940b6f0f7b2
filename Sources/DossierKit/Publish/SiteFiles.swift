import Foundation

/// The files of a built site folder, as a host receives them: every regular file (links
/// followed only inside the folder), hidden ones too, but never a `.git` folder.
public struct SiteFiles: Sendable {
    public struct File: Sendable, Equatable {
        /// Relative to the site folder.
        public var path: String
        public var size: Int64
        /// Modification time in nanoseconds.
        public var modified: Int64
    }

    public let root: String
    public private(set) var files: [File] = []
    public var totalSize: Int64 { files.reduce(0) { $0 + $1.size } }

    public init(root: String) {
        self.root = OutputPaths.folder(root)
        walk("")
        files.sort { $0.path < $1.path }
    }

    private mutating func walk(_ relative: String) {
        let folder = relative.isEmpty ? root : root + "/" + relative
        for name in FileTree.entries(folder) where name != ".git" {
            let path = relative.isEmpty ? name : relative + "/" + name
            var info = stat()
            guard lstat(folder + "/" + name, &info) == 0 else { continue }
            switch info.st_mode & S_IFMT {
            case S_IFDIR: walk(path)
            case S_IFREG:
                files.append(File(path: path, size: Int64(info.st_size),
                                  modified: Int64(info.st_mtim.tv_sec) * 1_000_000_000 + Int64(info.st_mtim.tv_nsec)))
            default: continue  // links and the like: a build writes none
            }
        }
    }

    static func megabytes(_ bytes: Int64) -> String { String(format: "%.1f MB", Double(bytes) / 1_000_000) }
}
