import DossierKit
import Foundation
import Synchronization
#if canImport(Glibc)
import Glibc
#endif

/// Tells when anything under some folders is created, changed, deleted or renamed, and
/// which paths (`takePaths()`), so that a rebuild need not look at every input again.
/// Linux inotify, watching every subfolder (and new ones as they appear); elsewhere it
/// polls modification times and names no paths.
public final class FileWatcher: Sendable {
    public let folders: [String]
    private let stream: AsyncStream<Void>
    private let continuation: AsyncStream<Void>.Continuation
    /// The paths events named since the last `takePaths()`; nil once an event named none
    /// (the queue overflowed, a watched folder itself went, or no inotify).
    private let pending = PendingPaths()

    public init(folders: [String]) {
        self.folders = folders
        // Bursts coalesce: one pending signal is enough to trigger a rebuild.
        (stream, continuation) = AsyncStream<Void>.makeStream(bufferingPolicy: .bufferingNewest(1))
        let continuation = self.continuation
        let folders = self.folders
        let pending = self.pending
        let thread = Thread { FileWatcher.watch(folders, pending, continuation) }
        thread.name = "dossier-watch"
        thread.start()
    }

    /// The paths changed since the last call, each as a watched folder joined with the path
    /// under it; nil when some change named no path, so that everything must be looked at.
    public func takePaths() -> Set<String>? {
        pending.paths.withLock { paths in
            defer { paths = [] }
            return paths
        }
    }

    /// How many times events have come so far: a rebuild waits until it stops moving.
    public var eventCount: Int { pending.events.load(ordering: .relaxed) }

    /// A signal after each change (several changes may give one signal).
    public var changes: AsyncStream<Void> { stream }

    #if os(Linux)
    private static func watch(_ folders: [String], _ pending: PendingPaths, _ continuation: AsyncStream<Void>.Continuation) {
        let descriptor = inotify_init1(Int32(IN_CLOEXEC))
        guard descriptor >= 0 else { return poll(folders, pending, continuation) }
        let mask = UInt32(IN_CREATE | IN_MODIFY | IN_DELETE | IN_MOVED_FROM | IN_MOVED_TO | IN_CLOSE_WRITE | IN_ATTRIB | IN_DELETE_SELF)
        var paths: [Int32: String] = [:]
        // Each folder once, however many links lead to it (a link to a parent is no loop).
        var watched = Set<FolderIdentity>()
        func add(_ folder: String) {
            guard let identity = FolderIdentity(path: folder), watched.insert(identity).inserted else { return }
            let watch = inotify_add_watch(descriptor, folder, mask)
            if watch >= 0 { paths[watch] = folder }
            if let entries = try? FileManager.default.contentsOfDirectory(atPath: folder) {
                for entry in entries {
                    var isFolder: ObjCBool = false
                    if FileManager.default.fileExists(atPath: folder + "/" + entry, isDirectory: &isFolder), isFolder.boolValue {
                        add(folder + "/" + entry)
                    }
                }
            }
        }
        folders.forEach(add)
        var buffer = [UInt8](repeating: 0, count: 64 * 1024)
        while true {
            let count = buffer.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
            if count <= 0 {
                if errno == EINTR { continue }
                return
            }
            var offset = 0
            while offset + 16 <= count {
                let (watch, eventMask, nameLength) = buffer.withUnsafeBytes { raw -> (Int32, UInt32, Int) in
                    (raw.load(fromByteOffset: offset, as: Int32.self), raw.load(fromByteOffset: offset + 4, as: UInt32.self),
                     Int(raw.load(fromByteOffset: offset + 12, as: UInt32.self)))
                }
                let nameBytes = buffer[(offset + 16)..<(offset + 16 + nameLength)].prefix { $0 != 0 }
                if eventMask & UInt32(IN_ISDIR) != 0 && eventMask & UInt32(IN_CREATE | IN_MOVED_TO) != 0, let parent = paths[watch] {
                    add(parent + "/" + String(decoding: nameBytes, as: UTF8.self))
                }
                // An event without a name is about a watched folder itself; an overflow has no watch.
                if let parent = paths[watch], !nameBytes.isEmpty, eventMask & UInt32(IN_Q_OVERFLOW) == 0 {
                    let path = parent + "/" + String(decoding: nameBytes, as: UTF8.self)
                    pending.paths.withLock { _ = $0?.insert(path) }
                } else {
                    pending.paths.withLock { $0 = nil }
                }
                offset += 16 + nameLength
            }
            pending.events.add(1, ordering: .relaxed)
            continuation.yield()
        }
    }
    #else
    private static func watch(_ folders: [String], _ pending: PendingPaths, _ continuation: AsyncStream<Void>.Continuation) {
        poll(folders, pending, continuation)
    }
    #endif

    private static func poll(_ folders: [String], _ pending: PendingPaths, _ continuation: AsyncStream<Void>.Continuation) {
        func stamp() -> [String: Date] {
            var result: [String: Date] = [:]
            for folder in folders {
                guard let enumerator = FileManager.default.enumerator(atPath: folder) else { continue }
                for case let path as String in enumerator {
                    let attributes = try? FileManager.default.attributesOfItem(atPath: folder + "/" + path)
                    result[folder + "/" + path] = attributes?[.modificationDate] as? Date
                }
            }
            return result
        }
        var last = stamp()
        while true {
            Thread.sleep(forTimeInterval: 0.25)
            let now = stamp()
            if now != last {
                last = now
                pending.paths.withLock { $0 = nil }
                pending.events.add(1, ordering: .relaxed)
                continuation.yield()
            }
        }
    }
}

/// What a watcher's thread and its readers share: the paths seen since the last take.
private final class PendingPaths: Sendable {
    let paths = Mutex<Set<String>?>([])
    let events = Atomic<Int>(0)
}
