import Foundation

/// Puts a staged folder in the place of another in one step, so that a reader (or a build
/// killed at any moment) sees the one or the other, never a mix or nothing.
///
/// On Linux this is `renameat2(..., RENAME_EXCHANGE)`, looked up at run time because
/// Swift's Glibc module does not declare it. Where it is missing or the file system refuses
/// it (EINVAL, ENOSYS: some network and FUSE file systems), the fallback renames the old
/// folder aside and the new one into place: two steps, between which the path is briefly
/// missing; a build killed between them leaves the old site beside the output, where the
/// next build puts it back (see `SiteWriter`).
enum FolderSwap {
    private typealias RenameAt2 = @convention(c) (Int32, UnsafePointer<CChar>, Int32, UnsafePointer<CChar>, UInt32) -> Int32
    private static let exchangeFlag: UInt32 = 2  // RENAME_EXCHANGE

    private static let renameAt2: RenameAt2? = {
        guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "renameat2") else { return nil }
        return unsafeBitCast(symbol, to: RenameAt2.self)
    }()

    /// Exchanges `staged` and `current`: afterwards `current` names the staged tree and
    /// `staged` the old one. `aside` is where the fallback parks the old tree first.
    static func exchange(_ staged: String, _ current: String, aside: String) throws {
        if let renameAt2, renameAt2(AT_FDCWD, staged, AT_FDCWD, current, exchangeFlag) == 0 { return }
        if renameAt2 != nil && errno != EINVAL && errno != ENOSYS && errno != ENOTSUP {
            throw WriteError(path: current, code: errno)
        }
        guard rename(current, aside) == 0 else { throw WriteError(path: current, code: errno) }
        guard rename(staged, current) == 0 else {
            let code = errno
            _ = rename(aside, current)
            throw WriteError(path: current, code: code)
        }
        guard rename(aside, staged) == 0 else { throw WriteError(path: staged, code: errno) }
    }
}
