import Foundation
import Synchronization
import Testing
@testable import DossierKit

/// `kill -9` at many moments of a first build and of a rebuild of a site of some thousand
/// pages: afterwards the output is the old site or the new one (every page of one template
/// version, every file there), and the next build leaves no temporary file anywhere.
/// Runs the real executable (`swift build --build-tests` builds it beside the tests).
@Suite(.serialized) struct KillDuringBuildTests {
    static let articleCount = 1_000

    static var executable: String? {
        for configuration in ["debug", "release"] {
            let path = repositoryRoot + "/.build/\(configuration)/dossier"
            if FileManager.default.isExecutableFile(atPath: path) { return path }
        }
        return nil
    }

    /// The seed dossier plus many articles made of its sentences, and the default theme
    /// with a version comment in its layout.
    func workspace() throws -> String {
        let root = try seedWorkspace("kill-build")
        let articles = root + "/content/articles"
        let seeds = try FileManager.default.contentsOfDirectory(atPath: articles).filter { $0.hasSuffix(".md") }.sorted()
        let bodies = try seeds.map { name -> String in
            let text = try String(contentsOfFile: articles + "/" + name, encoding: .utf8)
            // The body after the front matter, without hand annotations (their ids stay valid anyway).
            return String(text.components(separatedBy: "\n---\n").dropFirst().joined(separator: "\n---\n"))
        }
        for number in 0..<KillDuringBuildTests.articleCount {
            let body = bodies[number % bodies.count]
            let month = 1 + number % 12, day = 1 + number % 28
            let text = "---\ntitle: \"लेख \(number)\"\ndate: 2024-\(month < 10 ? "0" : "")\(month)-\(day < 10 ? "0" : "")\(day)\nsource: Test\n---\n" + body
            try text.write(toFile: articles + "/gen-\(number).md", atomically: false, encoding: .utf8)
        }
        try setVersion(1, in: root)
        return root
    }

    func setVersion(_ version: Int, in root: String) throws {
        let layout = root + "/templates/layout.mustache"
        var text = try String(contentsOfFile: layout, encoding: .utf8)
        if let range = text.range(of: "<!-- build-version ") { text = String(text[..<range.lowerBound]) }
        try (text + "<!-- build-version \(version) -->\n").write(toFile: layout, atomically: true, encoding: .utf8)
    }

    /// Runs a build; with `killAfter`, kills it with SIGKILL after that many seconds. Returns
    /// the seconds it ran and whether it finished by itself with exit 0.
    /// The waiting happens on a thread of its own: blocking one of the few threads that run
    /// Swift tasks for minutes would starve the tests running beside (the preview server's).
    @discardableResult
    func runBuild(_ executable: String, _ root: String, killAfter: Double? = nil, errors: String = "/dev/null") async throws -> (Double, Bool) {
        let arguments = [executable, "build", "--content", root + "/content", "--templates", root + "/templates", "--output", root + "/public"]
        let started = Date()
        let pid = try KillDuringBuildTests.spawn(arguments, errors: errors)
        let status: Int32 = await withCheckedContinuation { continuation in
            Thread {
                if let killAfter {
                    usleep(UInt32(killAfter * 1_000_000))
                    kill(pid, SIGKILL)
                }
                var status: Int32 = 0
                while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
                continuation.resume(returning: status)
            }.start()
        }
        // Exited (not signalled) with status 0.
        let finished = (status & 0x7f) == 0 && ((status >> 8) & 0xff) == 0
        return (Date().timeIntervalSince(started), finished)
    }

    private typealias CloseFrom = @convention(c) (UnsafeMutablePointer<posix_spawn_file_actions_t>, Int32) -> Int32

    /// Starts a process with standard output and error discarded and no other descriptor of
    /// this process: Foundation's `Process` lets a child inherit them, and a killed child
    /// holding a copy of another test's connection resets it.
    static func spawn(_ arguments: [String], errors: String = "/dev/null") throws -> pid_t {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 2, errors, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        if let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "posix_spawn_file_actions_addclosefrom_np") {
            _ = unsafeBitCast(symbol, to: CloseFrom.self)(&actions, 3)
        }
        var argv: [UnsafeMutablePointer<CChar>?] = arguments.map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        var pid: pid_t = 0
        let result = posix_spawn(&pid, arguments[0], &actions, nil, &argv, environ)
        guard result == 0 else { throw POSIXError(POSIXErrorCode(rawValue: result) ?? .EIO) }
        return pid
    }

    /// Site path → the build version its page shows (0 for files without one).
    func versions(_ folder: String) -> [String: Int] {
        var result: [String: Int] = [:]
        for case let path as String in FileManager.default.enumerator(atPath: folder)?.allObjects ?? [] {
            var isFolder: ObjCBool = false
            guard FileManager.default.fileExists(atPath: folder + "/" + path, isDirectory: &isFolder), !isFolder.boolValue else { continue }
            var version = 0
            if path.hasSuffix(".html"), let data = FileManager.default.contents(atPath: folder + "/" + path),
               let text = String(data: data.suffix(200), encoding: .utf8), let range = text.range(of: "<!-- build-version ") {
                version = Int(text[range.upperBound...].prefix { $0.isNumber }) ?? -1
            }
            result[path] = version
        }
        return result
    }

    /// Nothing of a build's temporaries beside or inside the output.
    func expectNoDebris(_ root: String, _ comment: Comment) {
        let beside = Set((try? FileManager.default.contentsOfDirectory(atPath: root)) ?? []).subtracting([".public.dossier-spare"])
        #expect(beside == ["content", "templates", "public", ".public.dossier-lock", ".public.dossier-manifest"], comment)
        let inside = FileManager.default.enumerator(atPath: root + "/public")?.allObjects as? [String] ?? []
        #expect(!inside.contains { $0.contains(".dossier-") }, comment)
    }

    /// The output holds one whole site: the file set of a complete build, every page of one version.
    func expectWhole(_ root: String, files expected: Set<String>, paged: Set<String>, _ comment: Comment) -> Int? {
        let found = versions(root + "/public")
        #expect(Set(found.keys) == expected, comment)
        let shown = Set(paged.compactMap { found[$0] })
        #expect(shown.count == 1, "\(comment): versions \(shown.sorted())")
        return shown.count == 1 ? shown.first : nil
    }

    @Test(.enabled(if: KillDuringBuildTests.executable != nil))
    func killedRebuildsLeaveTheOldSiteOrTheNewOne() async throws {
        let executable = try #require(KillDuringBuildTests.executable)
        let root = try workspace()
        defer { try? FileManager.default.removeItem(atPath: root) }
        let (_, ok) = try await runBuild(executable, root)
        try #require(ok)
        let complete = versions(root + "/public")
        let files = Set(complete.keys)
        let paged = Set(complete.filter { $0.value == 1 }.keys)
        #expect(paged.count > 1_000)
        // How long a rebuild that rewrites every page takes, to kill at moments spread over it.
        try setVersion(2, in: root)
        let (duration, finished) = try await runBuild(executable, root)
        try #require(finished)
        var version = 2
        // Spread over the run, and more towards its end, where the tree is completed and swapped.
        let spread: [Double] = (0..<8).map { (Double($0) + 0.5) / 8 }
        let late: [Double] = [0.92, 0.97, 1.0]
        let moments: [Double] = (spread + late).map { duration * $0 }
        var sawOld = false
        for (index, moment) in moments.enumerated() {
            let before = version
            version = before == 1 ? 2 : 1
            try setVersion(version, in: root)
            let (_, done) = try await runBuild(executable, root, killAfter: moment)
            let shown = expectWhole(root, files: files, paged: paged, "kill \(index) after \(moment) s")
            if let shown {
                #expect(shown == before || shown == version)
                if shown == before && !done { sawOld = true }
                if done { #expect(shown == version) }
            }
            // The next build completes the change and leaves nothing behind.
            let (_, ok) = try await runBuild(executable, root)
            #expect(ok)
            #expect(expectWhole(root, files: files, paged: paged, "after kill \(index)") == version)
            expectNoDebris(root, "after kill \(index)")
        }
        // Some kills landed mid-build, before the swap.
        #expect(sawOld)
    }

    @Test(.enabled(if: KillDuringBuildTests.executable != nil))
    func killedFirstBuildsLeaveNoSiteOrAWholeOne() async throws {
        let executable = try #require(KillDuringBuildTests.executable)
        let root = try workspace()
        defer { try? FileManager.default.removeItem(atPath: root) }
        let (duration, ok) = try await runBuild(executable, root)
        try #require(ok)
        let complete = versions(root + "/public")
        let files = Set(complete.keys)
        let paged = Set(complete.filter { $0.value == 1 }.keys)
        for (index, moment) in (0..<6).map({ duration * (Double($0) + 0.5) / 6 }).enumerated() {
            try FileManager.default.removeItem(atPath: root + "/public")
            try FileManager.default.removeItem(atPath: root + "/.public.dossier-manifest")
            try await runBuild(executable, root, killAfter: moment)
            if FileManager.default.fileExists(atPath: root + "/public") {
                #expect(expectWhole(root, files: files, paged: paged, "first build killed after \(moment) s") == 1)
            }
            let (_, ok) = try await runBuild(executable, root)
            #expect(ok)
            #expect(expectWhole(root, files: files, paged: paged, "after kill \(index)") == 1)
            expectNoDebris(root, "after kill \(index)")
        }
    }

    @Test(.enabled(if: KillDuringBuildTests.executable != nil))
    func anArticleRenamedDuringBuildsIsNeverSilentlyLeftOut() async throws {
        let executable = try #require(KillDuringBuildTests.executable)
        let root = try workspace()
        defer { try? FileManager.default.removeItem(atPath: root) }
        let articles = root + "/content/articles"
        let names = ["gen-7.md", "zz-renamed-7.md"]
        let stop = Mutex(false)
        let renamer = Thread {
            var current = 0
            while !stop.withLock({ $0 }) {
                rename(articles + "/" + names[current], articles + "/" + names[1 - current])
                current = 1 - current
                usleep(150_000)
            }
        }
        renamer.start()
        var outcomes: [String] = []
        for attempt in 0..<6 {
            let log = root + "/build-\(attempt).log"
            let (_, ok) = try await runBuild(executable, root, errors: log)
            let errors = (try? String(contentsOfFile: log, encoding: .utf8)) ?? ""
            if ok {
                let built = names.filter { FileManager.default.fileExists(atPath: root + "/public/articles/" + $0.dropLast(3) + "/index.html") }
                #expect(built.count == 1, "build \(attempt) has \(built)")
                outcomes.append("built")
            } else {
                // The only acceptable failure names the file that kept changing.
                let last = errors.split(separator: "\n").filter { !$0.contains("warning:") }.suffix(4).joined(separator: " | ")
                #expect(errors.contains("changed while the build read it"), "build \(attempt): \(last)")
                outcomes.append("refused")
            }
        }
        stop.withLock { $0 = true }
        while renamer.isExecuting { usleep(10_000) }
        #expect(outcomes.count == 6)
    }
}
