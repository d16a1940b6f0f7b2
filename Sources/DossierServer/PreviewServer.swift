import DossierKit
import Foundation
import Hummingbird
import Logging
import NIOCore
import Synchronization

/// Where and how `dossier serve` runs.
public struct ServeOptions: Sendable {
    public var build: BuildOptions
    public var host: String
    public var port: Int
    /// Quiet time after the last change before rebuilding (a burst of saves is one rebuild).
    public var debounceMilliseconds: Int
    /// The longest a rebuild waits for changes that keep coming to stop.
    public var settleLimitMilliseconds: Int

    public init(build: BuildOptions, host: String = "127.0.0.1", port: Int = 8000, debounceMilliseconds: Int = 5,
                settleLimitMilliseconds: Int = 200) {
        self.build = build
        self.host = host
        self.port = port
        self.debounceMilliseconds = debounceMilliseconds
        self.settleLimitMilliseconds = settleLimitMilliseconds
    }
}

public enum ServeError: Error, CustomStringConvertible {
    case portInUse(host: String, port: Int, free: Int?)
    case cannotBind(host: String, port: Int, reason: String)

    public var description: String {
        switch self {
        case .portInUse(let host, let port, let free):
            return "\(host):\(port) is already in use" + (free.map { "; try --port \($0)" } ?? "; pick another --port")
        case .cannotBind(let host, let port, let reason):
            return "cannot listen on \(host):\(port): \(reason)"
        }
    }
}

/// The preview server: builds the site, serves it, watches content and templates,
/// rebuilds what changed and tells open pages to reload.
public final class PreviewServer: Sendable {
    public let options: ServeOptions
    public let liveReload = LiveReload()
    private let session: Mutex<SiteSession>
    private let snapshot: Mutex<SiteSnapshot>
    private let log: @Sendable (String) -> Void

    /// Builds the site (errors are thrown: a preview needs one good build to start from).
    public init(options: ServeOptions, log: @escaping @Sendable (String) -> Void) throws {
        self.options = options
        self.log = log
        let session = try SiteSession(options: options.build)
        self.snapshot = Mutex(session.snapshot)
        self.session = Mutex(session)
    }

    public var currentSnapshot: SiteSnapshot { snapshot.withLock { $0 } }

    /// Rebuilds what changed since the last build; publishes the result to open pages.
    /// `changedPaths`: what the watcher saw change (see `SiteSession.rebuild(changedPaths:)`).
    @discardableResult
    public func rebuild(changedPaths: Set<String>? = nil) -> RebuildReport? {
        let (report, fresh) = session.withLock { session -> (RebuildReport?, SiteSnapshot) in
            let report = session.rebuild(changedPaths: changedPaths)
            return (report, session.snapshot)
        }
        guard let report else { return nil }
        if report.succeeded {
            snapshot.withLock { $0 = fresh }
            liveReload.publish(.reload(generation: fresh.generation))
            let what = report.changedInputs.count == 1 ? report.changedInputs[0] : "\(report.changedInputs.count) files"
            log("rebuilt: \(what) changed, \(report.rendered) files re-rendered, \(report.removed) removed, "
                + "\(String(format: "%.0f", report.milliseconds)) ms"
                + (ProcessInfo.processInfo.environment["DOSSIER_PROFILE"] != nil
                    ? " [" + report.steps.map { "\($0.0) \(String(format: "%.0f", $0.1))" }.joined(separator: ", ") + "]"
                        + "\n  re-rendered: " + report.renderedPaths.joined(separator: " ") : ""))
        } else {
            let lines = report.diagnostics.filter { $0.severity == .error }.map(\.description)
            liveReload.publish(.errors(lines))
            log("rebuild failed (still serving the last good site):\n  " + lines.joined(separator: "\n  "))
        }
        return report
    }

    /// Serves until cancelled. `onListening` receives the port actually bound (useful with port 0).
    public func run(onListening: @escaping @Sendable (Int) -> Void = { _ in }) async throws {
        try PreviewServer.checkPortFree(host: options.host, port: options.port)
        let watcher = FileWatcher(folders: [options.build.content, options.build.templates])
        let responder = SiteResponder(current: { [self] in self.currentSnapshot }, liveReload: liveReload, host: options.host)
        var logger = Logger(label: "dossier")
        // Stopping the server (Ctrl-C, a test ending) makes Hummingbird log a cancellation as an error.
        logger.logLevel = .critical
        let app = Application(
            responder: responder,
            configuration: .init(address: .hostname(options.host, port: options.port), serverName: "dossier"),
            onServerRunning: { channel in onListening(channel.localAddress?.port ?? 0) },
            logger: logger)
        let quiet = max(1, options.debounceMilliseconds), limit = options.settleLimitMilliseconds
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { try await app.run() }
            group.addTask { [self] in
                for await _ in watcher.changes {
                    // Let a burst of saves settle (no event for `quiet` ms, `limit` at most), then
                    // rebuild once: a fixed wait after the first event delayed every rebuild by all of it.
                    var waited = 0, seen = watcher.eventCount
                    repeat {
                        try? await Task.sleep(for: .milliseconds(quiet))
                        waited += quiet
                        let now = watcher.eventCount
                        if now == seen { break }
                        seen = now
                    } while waited < limit
                    self.rebuild(changedPaths: watcher.takePaths())
                }
            }
            try await group.next()
            group.cancelAll()
        }
    }

    /// Fails clearly when the port is taken, suggesting a free one nearby.
    static func checkPortFree(host: String, port: Int) throws {
        guard port != 0 else { return }
        switch tryBind(host: host, port: port) {
        case .success: return
        case .failure(let failure) where failure.code == EADDRINUSE:
            let free = (port + 1...port + 20).first { if case .success = tryBind(host: host, port: $0) { return true } else { return false } }
            throw ServeError.portInUse(host: host, port: port, free: free)
        case .failure(let failure):
            throw ServeError.cannotBind(host: host, port: port, reason: String(cString: strerror(failure.code)))
        }
    }

    struct BindFailure: Error { let code: Int32 }

    private static func tryBind(host: String, port: Int) -> Result<Void, BindFailure> {
        var hints = addrinfo()
        hints.ai_socktype = Int32(SOCK_STREAM.rawValue)
        hints.ai_flags = AI_PASSIVE
        var info: UnsafeMutablePointer<addrinfo>?
        guard getaddrinfo(host, String(port), &hints, &info) == 0, let first = info else { return .failure(BindFailure(code: EADDRNOTAVAIL)) }
        defer { freeaddrinfo(info) }
        let descriptor = socket(first.pointee.ai_family, first.pointee.ai_socktype, first.pointee.ai_protocol)
        guard descriptor >= 0 else { return .failure(BindFailure(code: errno)) }
        defer { close(descriptor) }
        var yes: Int32 = 1
        setsockopt(descriptor, SOL_SOCKET, SO_REUSEADDR, &yes, socklen_t(MemoryLayout<Int32>.size))
        return bind(descriptor, first.pointee.ai_addr, first.pointee.ai_addrlen) == 0 ? .success(()) : .failure(BindFailure(code: errno))
    }
}
