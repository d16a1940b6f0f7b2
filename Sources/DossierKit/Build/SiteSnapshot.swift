import Foundation
import Synchronization

/// The site as a preview server serves it at one moment: the folder of the last full
/// build, overlaid with the files rebuilt since (kept in memory). Immutable: a rebuild makes
/// a new snapshot, so a request sees either the old site or the new one, never a mix.
public struct SiteSnapshot: Sendable {
    /// The folder written by the last full build.
    public let root: String
    /// Counts rebuilds; changes with every new snapshot.
    public let generation: Int
    let overrides: [String: [UInt8]]
    let lazy: [String: LazyFile]
    let removed: Set<String>

    init(root: String, generation: Int, overrides: [String: [UInt8]] = [:], lazy: [String: LazyFile] = [:], removed: Set<String> = []) {
        self.root = root
        self.generation = generation
        self.overrides = overrides
        self.lazy = lazy
        self.removed = removed
    }

    /// Where the bytes of a site path come from.
    public enum Source: Sendable {
        case memory([UInt8])
        case file(String)
    }

    /// The file at a site-relative path (`people/x/index.html`), if the site has one.
    /// `path` must already be checked to stay inside the site.
    public func source(of path: String) -> Source? {
        if let bytes = overrides[path] { return .memory(bytes) }
        if let file = lazy[path] { return .memory(file.bytes) }
        if removed.contains(path) { return nil }
        return .file(root + "/" + path)
    }

    /// Whether a rebuild made files below `path` that the built folder may not have (a new
    /// article's folder).
    public func hasRebuiltFolder(_ path: String) -> Bool {
        let prefix = path + "/"
        return overrides.keys.contains { $0.hasPrefix(prefix) && !removed.contains($0) } || lazy.keys.contains { $0.hasPrefix(prefix) }
    }

    /// Every path the site has: the built folder's files plus the rebuilt ones.
    public func allPaths() -> Set<String> {
        var paths = Set<String>()
        if let enumerator = FileManager.default.enumerator(atPath: root) {
            for case let path as String in enumerator {
                var isFolder: ObjCBool = false
                if FileManager.default.fileExists(atPath: root + "/" + path, isDirectory: &isFolder), !isFolder.boolValue {
                    paths.insert(path)
                }
            }
        }
        paths.subtract(removed)
        paths.formUnion(overrides.keys)
        paths.formUnion(lazy.keys)
        return paths
    }

    /// The bytes of a path (reading the file when it is on disk).
    public func bytes(of path: String) -> [UInt8]? {
        switch source(of: path) {
        case .memory(let bytes): return bytes
        case .file(let file): return FileManager.default.contents(atPath: file).map { [UInt8]($0) }
        case nil: return nil
        }
    }
}

/// A large output made the first time it is asked for, then kept.
final class LazyFile: Sendable {
    private let produce: @Sendable (SiteOutput.Emit) -> Void
    private let cache = Mutex<[UInt8]?>(nil)

    init(_ produce: @escaping @Sendable (SiteOutput.Emit) -> Void) { self.produce = produce }

    var bytes: [UInt8] {
        if let cached = cache.withLock({ $0 }) { return cached }
        var bytes: [UInt8] = []
        produce { bytes.append(contentsOf: $0) }
        cache.withLock { $0 = bytes }
        return bytes
    }
}
