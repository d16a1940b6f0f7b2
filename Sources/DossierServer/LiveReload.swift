import Foundation
import Synchronization

/// What the open pages are told: a new site is ready, or the last rebuild failed.
public enum LiveReloadEvent: Sendable, Equatable {
    case reload(generation: Int)
    case errors([String])

    /// The event as Server-Sent Events text.
    var serverSentEvent: String {
        switch self {
        case .reload(let generation):
            return "event: reload\ndata: \(generation)\n\n"
        case .errors(let lines):
            let json = (try? JSONSerialization.data(withJSONObject: lines)).flatMap { String(data: $0, encoding: .utf8) } ?? "[]"
            return "event: errors\ndata: \(json)\n\n"
        }
    }
}

/// Fans rebuild events out to every connected page (Server-Sent Events).
public final class LiveReload: Sendable {
    private struct State {
        var listeners: [Int: AsyncStream<LiveReloadEvent>.Continuation] = [:]
        var next = 0
        /// Errors of the last rebuild, if it failed: told to pages that connect later too.
        var errors: [String]?
    }

    private let state = Mutex(State())

    public init() {}

    /// A stream of events for one page; it starts with the current errors, if any.
    public func subscribe() -> AsyncStream<LiveReloadEvent> {
        let (stream, continuation) = AsyncStream<LiveReloadEvent>.makeStream(bufferingPolicy: .bufferingNewest(8))
        let id = state.withLock { state -> Int in
            state.next += 1
            state.listeners[state.next] = continuation
            if let errors = state.errors { continuation.yield(.errors(errors)) }
            return state.next
        }
        continuation.onTermination = { [weak self] _ in
            self?.state.withLock { _ = $0.listeners.removeValue(forKey: id) }
        }
        return stream
    }

    public func publish(_ event: LiveReloadEvent) {
        let listeners = state.withLock { state -> [AsyncStream<LiveReloadEvent>.Continuation] in
            switch event {
            case .reload: state.errors = nil
            case .errors(let lines): state.errors = lines
            }
            return Array(state.listeners.values)
        }
        for listener in listeners { listener.yield(event) }
    }

    public var listenerCount: Int { state.withLock { $0.listeners.count } }

    /// The script added to every HTML page the server sends (never to the files on disk).
    static let script = """
    <script>(function(){if(!window.EventSource)return;var box=null;\
    function show(lines){if(!box){box=document.createElement("div");box.id="dossier-errors";\
    box.setAttribute("role","alert");box.style.cssText="position:fixed;inset:auto 0 0 0;max-height:60vh;overflow:auto;\
    margin:0;padding:1em 1.5em;background:#2b0b0b;color:#ffd7d7;font:14px/1.5 ui-monospace,monospace;z-index:2147483647;\
    white-space:pre-wrap;border-top:4px solid #e5484d";document.body.appendChild(box);}\
    box.textContent="Build failed; showing the last good site.\\n\\n"+lines.join("\\n");}\
    var events=new EventSource("/__dossier/events");\
    events.addEventListener("reload",function(){location.reload();});\
    events.addEventListener("errors",function(e){show(JSON.parse(e.data));});})();</script>
    """
}
