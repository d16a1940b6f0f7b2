import Foundation
import Synchronization

/// Where a build's files go: the output folder (`SiteWriter`: `dossier build` and the first
/// build of a session) or memory (`MemoryOutput`: a preview rebuild, whose files the server
/// answers with). The pipeline hands both the same files.
protocol OutputSink: Sendable {
    /// An article page, made as its article is annotated (called from any core).
    func write(_ text: String, to path: String) throws
    /// The other outputs, made on all cores.
    func write(_ outputs: [SiteOutput]) throws
    /// A theme asset, as it is.
    func copyFile(from source: String, to path: String) throws
    /// Paths the site had and no longer has.
    func remove(_ paths: Set<String>)
}

extension SiteWriter: OutputSink {
    /// The large data files first, so that no core is left alone with one at the end.
    func write(_ outputs: [SiteOutput]) throws {
        let order = outputs.indices.filter { outputs[$0].isLarge } + outputs.indices.filter { !outputs[$0].isLarge }
        let failures = Mutex<[String]>([])
        parallelFor(order.count) { position in
            let output = outputs[order[position]]
            do {
                try write(producing: output.produce, to: output.path)
            } catch {
                failures.withLock { $0.append("\(error)") }
            }
        }
        if let failure = failures.withLock({ $0.first }) { throw SiteWriteFailure(message: failure) }
    }

    /// Nothing to do: a build writes a whole new tree, and `commit` leaves out what it did not write.
    func remove(_ paths: Set<String>) {}
}

/// A rebuild's files, kept in memory: small ones made at once, large ones (`isLarge`) only
/// when asked for (`LazyFile`).
final class MemoryOutput: OutputSink {
    struct Files: Sendable {
        var made: [String: [UInt8]] = [:]
        var lazy: [String: LazyFile] = [:]
        var removed: Set<String> = []
    }

    private let files = Mutex(Files())

    var contents: Files { files.withLock { $0 } }

    func write(_ text: String, to path: String) throws {
        let bytes = Array(text.utf8)
        files.withLock { $0.made[path] = bytes }
    }

    func write(_ outputs: [SiteOutput]) throws {
        let lazy = outputs.filter(\.isLarge)
        let profile = ProcessInfo.processInfo.environment["DOSSIER_PROFILE"] != nil
        let clock = ContinuousClock()
        let timed = parallelMap(outputs.filter { !$0.isLarge }) { output -> (String, [UInt8], Duration) in
            let start = clock.now
            let bytes = output.bytes()
            return (output.path, bytes, clock.now - start)
        }
        if profile {
            // What a rebuild spends its render time on (DOSSIER_PROFILE=1 dossier serve).
            let slowest = timed.sorted { $0.2 > $1.2 }.prefix(8).map { "\($0.0) \(Int(($0.2.seconds * 1000).rounded())) ms" }
            let total = Int((timed.reduce(Duration.zero) { $0 + $1.2 }.seconds * 1000).rounded())
            FileHandle.standardError.write(Data(("slowest outputs (of \(total) ms in all): " + slowest.joined(separator: ", ") + "\n").utf8))
        }
        let made = timed.map { ($0.0, $0.1) }
        files.withLock { files in
            for output in lazy { files.lazy[output.path] = LazyFile(output.produce) }
            for (path, bytes) in made { files.made[path] = bytes }
        }
    }

    func copyFile(from source: String, to path: String) throws {
        guard let data = FileManager.default.contents(atPath: source) else {
            files.withLock { _ = $0.removed.insert(path) }
            return
        }
        files.withLock { $0.made[path] = [UInt8](data) }
    }

    func remove(_ paths: Set<String>) { files.withLock { $0.removed.formUnion(paths) } }
}
