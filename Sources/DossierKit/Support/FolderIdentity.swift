import Foundation

/// A folder as the file system knows it (device and inode), whatever path reached it:
/// walks that follow links remember the folders they entered, so a link to a parent
/// ends the walk instead of repeating it forever.
public struct FolderIdentity: Hashable, Sendable {
    let device: UInt64
    let inode: UInt64

    init(_ info: stat) {
        device = UInt64(info.st_dev)
        inode = UInt64(info.st_ino)
    }

    /// The folder at `path` (links followed), or nil when it is not one.
    public init?(path: String) {
        var info = stat()
        guard stat(path, &info) == 0, (info.st_mode & S_IFMT) == S_IFDIR else { return nil }
        self.init(info)
    }
}
