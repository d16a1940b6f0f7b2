import DossierKit
import Foundation
import Hummingbird
import NIOCore
import Synchronization

/// Answers requests from the current site snapshot: files with their content type,
/// `index.html` for folders, ETag and 304, HEAD, the site's own 404 page, the live
/// reload script in every HTML page, and the Server-Sent Events endpoint. Nothing
/// outside the site is ever read.
public struct SiteResponder: HTTPResponder {
    public typealias Context = BasicRequestContext

    public static let eventsPath = "/__dossier/events"

    let current: @Sendable () -> SiteSnapshot
    let liveReload: LiveReload
    let hosts: AllowedHosts

    /// `host`: the address the server listens on (`--host`); requests must name it or a
    /// loopback name as their `Host`.
    public init(current: @escaping @Sendable () -> SiteSnapshot, liveReload: LiveReload, host: String = "127.0.0.1") {
        self.current = current
        self.liveReload = liveReload
        self.hosts = AllowedHosts(listening: host)
    }

    public func respond(to request: Request, context: Context) async throws -> Response {
        // DNS rebinding: a page of another site that resolves its own name to this machine
        // sends its name as Host. Only the names of this server are answered.
        guard hosts.allows(request.head.authority) else {
            return Response(status: .misdirectedRequest, headers: [.contentType: "text/plain; charset=utf-8"],
                            body: .init(byteBuffer: ByteBuffer(string: "this preview answers only to 127.0.0.1, localhost and [::1]\n")))
        }
        guard request.method == .get || request.method == .head else {
            return Response(status: .methodNotAllowed, headers: [.allow: "GET, HEAD"])
        }
        let rawPath = String(request.uri.description.split(separator: "?", maxSplits: 1).first ?? "/")
        if rawPath == SiteResponder.eventsPath { return events() }
        let snapshot = current()
        switch SitePath.resolve(rawPath, isFolder: { SiteResponder.isFolder($0, in: snapshot) }) {
        case .refused:
            return Response(status: .badRequest, headers: [.contentType: "text/plain; charset=utf-8"],
                            body: .init(byteBuffer: ByteBuffer(string: "bad path\n")))
        case .redirect(let location):
            return Response(status: .movedPermanently, headers: [.location: location])
        case .file(let path):
            if let response = serve(path, from: snapshot, request: request, status: .ok) { return response }
            return notFound(snapshot, request)
        case .hidden:
            return notFound(snapshot, request)
        }
    }

    func notFound(_ snapshot: SiteSnapshot, _ request: Request) -> Response {
        serve("404.html", from: snapshot, request: request, status: .notFound, conditional: false)
            ?? Response(status: .notFound, headers: [.contentType: "text/plain; charset=utf-8"],
                        body: .init(byteBuffer: ByteBuffer(string: "not found\n")))
    }

    /// A folder of the site: one rebuilt in memory, or one on disk whose real path (links
    /// resolved) lies inside the site's folder. A link leading out is no folder, whether its
    /// target exists or not, so answers never tell what exists outside the site.
    static func isFolder(_ path: String, in snapshot: SiteSnapshot) -> Bool {
        if snapshot.hasRebuiltFolder(path) { return true }
        guard let resolved = resolveInside(snapshot.root + "/" + path, root: snapshot.root) else { return false }
        var info = stat()
        return stat(resolved, &info) == 0 && (info.st_mode & S_IFMT) == S_IFDIR
    }

    /// The real path of `file` when it exists and lies inside `root` (links resolved); nil otherwise.
    static func resolveInside(_ file: String, root: String) -> String? {
        guard let real = realpath(file, nil) else { return nil }
        defer { free(real) }
        guard let rootReal = realpath(root, nil) else { return nil }
        defer { free(rootReal) }
        let resolved = String(cString: real), base = String(cString: rootReal) + "/"
        return resolved.hasPrefix(base) ? resolved : nil
    }

    func serve(_ path: String, from snapshot: SiteSnapshot, request: Request, status: HTTPResponse.Status,
               conditional: Bool = true) -> Response? {
        guard var bytes = read(path, from: snapshot) else { return nil }
        let type = ContentTypes.forPath(path)
        let tag = "\"\(ETag.of(bytes))\""
        var headers: HTTPFields = [.contentType: type, .eTag: tag, .cacheControl: "no-cache"]
        if conditional, status == .ok, let match = request.headers[.ifNoneMatch],
           match.split(separator: ",").contains(where: { $0.trimmingCharacters(in: .whitespaces) == tag || $0.trimmingCharacters(in: .whitespaces) == "*" }) {
            return Response(status: .notModified, headers: headers)
        }
        if type.hasPrefix("text/html") { bytes = SiteResponder.injectingLiveReload(bytes) }
        headers[.contentLength] = String(bytes.count)
        if request.method == .head { return Response(status: status, headers: headers) }
        return Response(status: status, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: bytes)))
    }

    /// The bytes of a site file. A file on disk must resolve (through any links) to a
    /// regular file inside the site's folder.
    func read(_ path: String, from snapshot: SiteSnapshot) -> [UInt8]? {
        switch snapshot.source(of: path) {
        case .memory(let bytes): return bytes
        case .file(let file):
            guard let resolved = SiteResponder.resolveInside(file, root: snapshot.root) else { return nil }
            var info = stat()
            guard stat(resolved, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else { return nil }
            return FileManager.default.contents(atPath: resolved).map { [UInt8]($0) }
        case nil: return nil
        }
    }

    static func injectingLiveReload(_ bytes: [UInt8]) -> [UInt8] {
        let script = Array(LiveReload.script.utf8)
        let marker = Array("</body>".utf8)
        if let position = lastIndex(of: marker, in: bytes) {
            return Array(bytes[..<position]) + script + Array(bytes[position...])
        }
        return bytes + script
    }

    static func lastIndex(of needle: [UInt8], in haystack: [UInt8]) -> Int? {
        guard haystack.count >= needle.count else { return nil }
        var index = haystack.count - needle.count
        while index >= 0 {
            if haystack[index] == needle[0] && Array(haystack[index..<(index + needle.count)]) == needle { return index }
            index -= 1
        }
        return nil
    }

    func events() -> Response {
        let stream = liveReload.subscribe()
        let body = ResponseBody { writer in
            try await writer.write(ByteBuffer(string: "retry: 500\n: connected\n\n"))
            for await event in stream {
                try await writer.write(ByteBuffer(string: event.serverSentEvent))
            }
            try await writer.finish(nil)
        }
        return Response(status: .ok, headers: [.contentType: "text/event-stream; charset=utf-8", .cacheControl: "no-cache"], body: body)
    }
}

/// A short, stable tag of some bytes (FNV-1a, 64 bits) for ETag.
enum ETag {
    static func of(_ bytes: [UInt8]) -> String {
        String(FNV1a.hash64(bytes), radix: 16) + "-" + String(bytes.count, radix: 16)
    }
}
