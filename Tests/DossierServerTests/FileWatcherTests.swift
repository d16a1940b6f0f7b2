import Foundation
import Testing
@testable import DossierServer

@Suite struct FileWatcherTests {
    /// Two links to a parent in one folder: a watcher that followed them without remembering
    /// the folders it had entered would add watches for 2^40 paths and never get to reading
    /// events. Each folder is watched once, and a change is still seen.
    @Test(.timeLimit(.minutes(1))) func symlinkLoopsAreWatchedOnceAndChangesStillArrive() async throws {
        let root = NSTemporaryDirectory() + "dossier-watch-\(UUID().uuidString)"
        defer { try? FileManager.default.removeItem(atPath: root) }
        try FileManager.default.createDirectory(atPath: root + "/content/articles", withIntermediateDirectories: true)
        #expect(symlink("..", root + "/content/articles/up") == 0)
        #expect(symlink("..", root + "/content/articles/again") == 0)
        #expect(symlink(".", root + "/content/self") == 0)
        let watcher = FileWatcher(folders: [root + "/content"])
        var changes = watcher.changes.makeAsyncIterator()
        // Keep writing until the watcher, once it has set up its watches, reports one.
        let writer = Task {
            var count = 0
            while !Task.isCancelled {
                count += 1
                try? "\(count)".write(toFile: root + "/content/articles/a.md", atomically: false, encoding: .utf8)
                try? await Task.sleep(for: .milliseconds(50))
            }
        }
        defer { writer.cancel() }
        let change: Void? = await changes.next()
        #expect(change != nil)
    }
}

@Suite struct FileWatcherPathTests {
    /// The watcher names the files an event was about, so a rebuild looks only at them.
    @Test(.timeLimit(.minutes(1))) func changesNameTheirPaths() async throws {
        let root = NSTemporaryDirectory() + "dossier-watch-\(UUID().uuidString)"
        defer { try? FileManager.default.removeItem(atPath: root) }
        try FileManager.default.createDirectory(atPath: root + "/content/articles", withIntermediateDirectories: true)
        let watcher = FileWatcher(folders: [root + "/content"])
        var changes = watcher.changes.makeAsyncIterator()
        let writer = Task {
            while !Task.isCancelled {
                try? "x".write(toFile: root + "/content/articles/a.md", atomically: false, encoding: .utf8)
                try? await Task.sleep(for: .milliseconds(50))
            }
        }
        defer { writer.cancel() }
        _ = await changes.next()
        let paths = try #require(watcher.takePaths())
        #expect(paths == [root + "/content/articles/a.md"])
    }
}
